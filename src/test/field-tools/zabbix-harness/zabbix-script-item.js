'use strict';
/*
 * Test harness, not a field tool (this project's own code, Apache-2.0): runs one Zabbix SCRIPT item of a Zabbix
 * template, unmodified, the way Zabbix server runs it, so that the template can be tried against the EM simulator
 * without a Zabbix server. See README.md next to this file.
 *
 *   node zabbix-script-item.js <template.yaml> <item key> <parameters as JSON> <timeout in seconds>
 *
 * What it does, after Zabbix (src/libs/zbxembed: embed.c, httprequest.c, zabbix.c, global.c) and the manual page
 * "Additional JavaScript objects":
 * - takes the item's `params` (the script) out of the template's YAML, as YAML reads a literal block scalar: the
 *   lines of the block less their common indentation, ending in one newline; nothing else is changed;
 * - compiles it as Zabbix does, as the body of `function (value) { ... }`, in a context that has only the globals
 *   ECMAScript gives plus what Zabbix adds: `Zabbix` (log, sleep), `HttpRequest`, `btoa`, `atob`, and console's
 *   aliases of Zabbix.log;
 * - calls it with `value` = the item's parameters as a JSON string (what Zabbix passes to a script item), and writes
 *   what it returns (converted to a string, as Zabbix stores it) to stdout; Zabbix.log lines go to stderr as
 *   "log <level>: <message>". A thrown error makes the item unsupported in Zabbix: exit 1, the error on stderr.
 *
 * HttpRequest: Zabbix wraps one libcurl easy handle per object; here each call runs the curl command line with the
 * same options (synchronously, as Duktape's calls are): the cookie engine on (a cookie jar per object, as
 * CURLOPT_COOKIEFILE ""), redirects followed, no certificate or host name check, CURLOPT_CUSTOMREQUEST = the method
 * with CURLOPT_POSTFIELDS = the contents or "" (so every request, a GET too, carries "Content-Length: 0" and curl's
 * form Content-Type when there is no body, as Zabbix's do), Accept-Encoding for what curl can decode, http and https
 * only, the time left of the item's timeout. Headers added with addHeader stay for every later request of the object;
 * without any, a request with contents gets "Content-Type: application/json" (contents that parse as JSON) or
 * "text/plain". The answer is the body as a string; when a response has no body Zabbix hands back its buffer
 * unchanged: the previous response's body, or null if there was none.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const childProcess = require('child_process');

function scriptOf(templateYaml, itemKey) {
    const lines = fs.readFileSync(templateYaml, 'utf8').split('\n');
    // the item's own "key:" (a dependent item's master_item has one too, indented deeper, without params)
    for (let keyLine = 0; keyLine < lines.length; keyLine++) {
        if (lines[keyLine].trim() !== 'key: ' + itemKey) {
            continue;
        }
        const script = paramsBlock(lines, keyLine);
        if (script !== null) {
            return script;
        }
    }
    throw new Error('No item with key ' + itemKey + ' and a "params: |" block in ' + templateYaml);
}

/** The literal block "params: |" of the mapping that holds lines[keyLine], or null. */
function paramsBlock(lines, keyLine) {
    const itemIndent = lines[keyLine].search(/\S/);
    let paramsLine = -1;
    for (let i = keyLine + 1; i < lines.length; i++) {
        const indent = lines[i].search(/\S/);
        if (indent >= 0 && indent < itemIndent) {
            break; // the mapping ended
        }
        if (indent === itemIndent && lines[i].trim() === 'params: |') {
            paramsLine = i;
            break;
        }
    }
    if (paramsLine < 0) {
        return null;
    }
    const block = [];
    let blockIndent = -1;
    for (let i = paramsLine + 1; i < lines.length; i++) {
        const line = lines[i];
        if (line.trim() === '') {
            block.push('');
            continue;
        }
        const indent = line.search(/\S/);
        if (blockIndent < 0) {
            blockIndent = indent;
        }
        if (indent < blockIndent || indent <= itemIndent) {
            break;
        }
        block.push(line.substring(blockIndent));
    }
    while (block.length > 0 && block[block.length - 1] === '') {
        block.pop(); // clip: trailing empty lines are not part of the value
    }
    return block.join('\n') + '\n';
}

function main(argv) {
    const [templateYaml, itemKey, parametersJson, timeoutSeconds] = argv;
    if (!templateYaml || !itemKey || parametersJson === undefined || !timeoutSeconds) {
        process.stderr.write('usage: node zabbix-script-item.js <template.yaml> <item key> <parameters JSON> <timeout s>\n');
        return 2;
    }
    const script = scriptOf(templateYaml, itemKey);
    const started = Date.now();
    const timeoutMs = Number(timeoutSeconds) * 1000;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zabbix-script-item-'));
    let requestObjects = 0;

    function log(level, message) {
        process.stderr.write('log ' + level + ': ' + String(message) + '\n');
    }

    class HttpRequest {
        constructor() {
            requestObjects++;
            this._id = requestObjects;
            this._headers = [];
            this._customHeader = false;
            this._jar = path.join(work, 'cookies-' + this._id + '.txt');
            this._status = 0;
            this._data = null;
            this._headersIn = '';
            this._proxy = null;
        }

        addHeader(header) {
            this._headers.push(String(header));
            this._customHeader = true;
        }

        clearHeader() {
            this._headers = [];
            this._customHeader = false;
        }

        setProxy(proxy) {
            this._proxy = String(proxy);
        }

        getStatus() {
            return this._status;
        }

        getHeaders() {
            const headers = {};
            for (const line of this._headersIn.split(/\r?\n/)) {
                const colon = line.indexOf(':');
                if (colon > 0) {
                    headers[line.substring(0, colon)] = line.substring(colon + 1).trim();
                }
            }
            return headers;
        }

        get(url, data) { return this._query('GET', url, data); }
        post(url, data) { return this._query('POST', url, data); }
        put(url, data) { return this._query('PUT', url, data); }
        delete(url, data) { return this._query('DELETE', url, data); }
        head(url, data) { return this._query('HEAD', url, data); }
        patch(url, data) { return this._query('PATCH', url, data); }
        options(url, data) { return this._query('OPTIONS', url, data); }
        trace(url, data) { return this._query('TRACE', url, data); }

        _query(method, url, data) {
            const elapsed = Date.now() - started;
            if (elapsed >= timeoutMs) {
                throw new Error('script execution timeout occurred');
            }
            const contents = data === undefined || data === null ? null : String(data);
            let headers = this._headers;
            if (!this._customHeader) {
                headers = [];
                if (contents !== null) {
                    let json = false;
                    try {
                        json = typeof JSON.parse(contents) === 'object';
                    } catch (notJson) {
                        json = false;
                    }
                    headers.push(json ? 'Content-Type: application/json' : 'Content-Type: text/plain');
                }
            }
            const bodyFile = path.join(work, 'body-' + this._id + '.bin');
            const headerFile = path.join(work, 'headers-' + this._id + '.txt');
            const args = ['-q', '-s', '-S', '-k', '-L', '--compressed', '--proto', '=http,https',
                '-X', method, '--data-binary', contents === null ? '' : contents,
                '-b', this._jar, '-c', this._jar, '-D', headerFile, '-o', bodyFile, '-w', '%{http_code}',
                '--max-time', String((timeoutMs - elapsed) / 1000)];
            for (const header of headers) {
                args.push('-H', header);
            }
            if (this._proxy !== null) {
                args.push('-x', this._proxy);
            }
            args.push('--', String(url));
            fs.rmSync(bodyFile, { force: true });
            const run = childProcess.spawnSync('curl', args, { encoding: 'utf8' });
            if (run.error) {
                throw new Error('cannot get URL: ' + run.error.message + '.');
            }
            if (run.status !== 0) {
                throw new Error('cannot get URL: ' + run.stderr.trim() + '.');
            }
            this._status = Number(run.stdout.trim());
            this._headersIn = fs.existsSync(headerFile) ? fs.readFileSync(headerFile, 'utf8') : '';
            const body = fs.existsSync(bodyFile) ? fs.readFileSync(bodyFile, 'utf8') : '';
            if (body.length > 0) {
                this._data = body;
            }
            return this._data;
        }
    }

    const zabbix = {
        log: log,
        sleep: (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms)),
    };
    const context = vm.createContext({
        Zabbix: zabbix,
        HttpRequest: HttpRequest,
        btoa: (text) => Buffer.from(String(text), 'utf8').toString('base64'),
        atob: (text) => Buffer.from(String(text), 'base64').toString('utf8'),
        console: {
            log: (object) => log(4, JSON.stringify(object)),
            warn: (object) => log(3, JSON.stringify(object)),
            error: (object) => log(2, JSON.stringify(object)),
        },
    });
    try {
        const fn = new vm.Script('(function (value) {\n' + script + '\n})', { filename: itemKey }).runInContext(context);
        const result = fn(parametersJson);
        if (result === undefined) {
            process.stderr.write('error: the script returned nothing\n');
            return 1;
        }
        process.stdout.write(String(result));
        process.stderr.write('http request objects: ' + requestObjects + '\n');
        return 0;
    } catch (error) {
        process.stderr.write('error: ' + String(error) + '\n');
        return 1;
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

process.exitCode = main(process.argv.slice(2));
