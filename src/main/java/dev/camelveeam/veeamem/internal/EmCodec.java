package dev.camelveeam.veeamem.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.model.EmError;

/**
 * Reads EM's XML and JSON bodies into the model classes. Property names match case-insensitively, so the PascalCase
 * JSON of EM 12 and the camelCase JSON of EM 13 read alike; a leading UTF-8 byte-order mark is skipped.
 */
public final class EmCodec {

    private static final ObjectMapper XML = XmlMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .build();

    private EmCodec() {
    }

    public static <T> T read(byte[] body, VeeamEmFormat format, Class<T> type, String what) {
        try {
            T value = mapper(format).readValue(body, type);
            if (value == null) {
                throw new VeeamEmException("EM answered " + what + " with an empty " + format + " body");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new VeeamEmException("EM answered " + what + " with a body that is not a readable " + format + " "
                                       + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new VeeamEmException("EM answered " + what + " with an unreadable body: " + e.getMessage(), e);
        }
    }

    /**
     * The message of EM's {@code Error} body, or null when the body is empty or not an Error. The format is taken from
     * the body itself: EM has been seen answering errors in JSON to XML requests.
     */
    public static String errorMessage(byte[] body) {
        int first = firstSignificantByte(body);
        if (first < 0) {
            return null;
        }
        try {
            EmError error = (body[first] == '<' ? XML : JSON).readValue(body, EmError.class);
            return error == null ? null : error.getMessage();
        } catch (IOException e) {
            return null;
        }
    }

    private static int firstSignificantByte(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xFF;
            boolean byteOrderMark = b == 0xEF || b == 0xBB || b == 0xBF;
            if (!byteOrderMark && !Character.isWhitespace(b)) {
                return i;
            }
        }
        return -1;
    }

    private static ObjectMapper mapper(VeeamEmFormat format) {
        return format == VeeamEmFormat.json ? JSON : XML;
    }
}
