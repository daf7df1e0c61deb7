import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { installProbe } from './probe';

// The physical floor: a `ws` server that forwards every frame to the other sockets of its room
// (the URL path). No parsing, no document, no storage.
installProbe();
const rooms = new Map<string, Set<WebSocket>>();
const server = http.createServer((_req, res) => {
  res.writeHead(200).end('ok');
});
const wss = new WebSocketServer({ server });
wss.on('connection', (socket, req) => {
  const name = (req.url ?? '/').split('?')[0] ?? '/';
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = new Set()));
  room.add(socket);
  socket.on('message', (data: Buffer, isBinary) => {
    for (const other of room) if (other !== socket) other.send(data, { binary: isBinary });
  });
  socket.on('close', () => {
    room.delete(socket);
    if (room.size === 0) rooms.delete(name);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`LISTENING http://127.0.0.1:${address.port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
