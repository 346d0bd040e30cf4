package dev.camelveeam.veeamem.springboot;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** Hierarchical {@code enabled} flags, as Camel's starters read them: the most specific one that is set wins. */
final class EnabledFlags {

    private EnabledFlags() {
    }

    /**
     * @param  prefixes from the most general to the most specific, for example {@code camel.component} and
     *                  {@code camel.component.veeam-em}
     * @return          the {@code <prefix>.enabled} flag of the most specific prefix that has one; true when none has
     */
    static boolean evaluate(Environment environment, String... prefixes) {
        Binder binder = Binder.get(environment);
        boolean enabled = true;
        for (String prefix : prefixes) {
            enabled = binder.bind(prefix + ".enabled", Bindable.of(Boolean.class)).orElse(enabled);
        }
        return enabled;
    }
}
