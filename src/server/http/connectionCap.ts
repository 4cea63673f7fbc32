// At most `cap` open connections. A new connection is always accepted; beyond the cap the oldest
// one is closed. Connections held open by slow or stalled clients are the oldest, so they go
// first, and a flood of them cannot lock new clients out (Node's own maxConnections would refuse
// the new client instead).
import type { Server } from 'http';
import type { Socket } from 'net';

export function capConnections(server: Server, cap: number): void {
  const open = new Set<Socket>(); // insertion order: oldest first
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    if (open.size > cap) {
      const oldest = open.values().next().value as Socket;
      open.delete(oldest);
      oldest.destroy();
    }
  });
}
