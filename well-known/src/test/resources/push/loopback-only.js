// Preloaded into web-push-testing (node --require): its server listens on a port without naming an address, that is
// on every interface. This makes such a listen bind 127.0.0.1 only, so that the push service of a test is reachable
// from this machine alone.
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (port, ...rest) {
    if (typeof port === 'number' && (rest.length === 0 || typeof rest[0] === 'function')) {
        return listen.call(this, port, '127.0.0.1', ...rest);
    }
    return listen.call(this, port, ...rest);
};
