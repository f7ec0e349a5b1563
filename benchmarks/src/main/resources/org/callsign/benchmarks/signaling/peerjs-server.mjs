// The PeerJS server (npm `peer`) as the relay benchmark runs it: PeerServer on 127.0.0.1 with the limits the load
// needs, plus a second, admin listener on 127.0.0.1 whose GET /memory runs two full garbage collections (node
// --expose-gc) and answers process.memoryUsage() as JSON (rss, heapTotal, heapUsed, external, arrayBuffers) with the
// number of peers connected: the V8 counterpart of the JVM's live heap that the benchmark reads with jcmd.
//
// Usage: node --expose-gc peerjs-server.mjs <peer package directory> <port> <admin port> <concurrent_limit> <alive_timeout ms>
import { createServer } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [packageDir, port, adminPort, concurrentLimit, aliveTimeout] = process.argv.slice(2);
const { PeerServer } = await import(pathToFileURL(join(packageDir, "dist", "module.mjs")).href);

const options = {
  host: "127.0.0.1",
  port: Number(port),
  key: "peerjs",
  path: "/",
  concurrent_limit: Number(concurrentLimit),
  alive_timeout: Number(aliveTimeout),
};
let peers = 0;
let errors = 0;
const peer = PeerServer(options, () => console.log(`peerjs listening with ${JSON.stringify(options)}`));
peer.on("connection", () => peers++);
peer.on("disconnect", () => peers--);
peer.on("error", (error) => {
  if (errors++ < 10) {
    console.error(`peerjs error: ${error?.message ?? error}`);
  }
});

createServer((request, response) => {
  if (request.url !== "/memory") {
    response.statusCode = 404;
    response.end();
    return;
  }
  globalThis.gc?.();
  globalThis.gc?.();
  response.setHeader("Content-Type", "application/json");
  response.end(JSON.stringify({ ...process.memoryUsage(), peers, errors }));
}).listen(Number(adminPort), "127.0.0.1");
