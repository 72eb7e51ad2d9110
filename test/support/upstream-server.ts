// A stand-in for an API pod or the frontend, run as its own process so a test can kill it:
// answers every request with its name and what it received (method, path, client headers).
// Usage: node --import tsx test/support/upstream-server.ts <name> <host> <port> [delayMs]
import { createServer } from "node:http";

const [name = "upstream", host = "127.0.0.1", portArg = "0", delayArg = "0"] = process.argv.slice(2);
const delayMs = Number(delayArg);

const server = createServer((req, res) => {
  let bodyBytes = 0;
  req.on("data", (chunk: Buffer) => (bodyBytes += chunk.length));
  req.on("end", () => {
    const reply = () => {
      res.writeHead(200, { "content-type": "application/json", "x-upstream": name });
      res.end(JSON.stringify({ name, method: req.method, url: req.url, bodyBytes, headers: req.headers }));
    };
    // A delay keeps requests in flight, so a killed upstream has some to drop.
    if (delayMs > 0) setTimeout(reply, delayMs);
    else reply();
  });
});
server.listen(Number(portArg), host, () => console.log(`${name} listening on ${host}:${portArg}`));
