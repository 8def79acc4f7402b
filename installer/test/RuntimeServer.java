import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The download server of installer/test-setup.sh: serves the files of one folder over HTTP on 127.0.0.1 (a free
 * port, written to a file), one request at a time, and logs each answer. A file {@code NAME.cut} next to
 * {@code NAME} makes the next answer for NAME stop after half the body, as a dropped connection does (the .cut file
 * is then deleted).
 *
 * <pre>java installer/test/RuntimeServer.java FOLDER PORT-FILE LOG-FILE</pre>
 */
public final class RuntimeServer {
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java RuntimeServer.java FOLDER PORT-FILE LOG-FILE");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        Path log = Path.of(args[2]);
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Files.writeString(Path.of(args[1]), server.getLocalPort() + "\n");
            while (true) {
                try (Socket socket = server.accept()) {
                    String line = answer(folder, socket);
                    Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    Files.writeString(log, "connection failed: " + e + "\n", StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
            }
        }
    }

    /** Reads one request, answers it, and says what was sent. */
    private static String answer(Path folder, Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        String request = in.readLine();
        String header;
        do {
            header = in.readLine(); // not needed: every answer is the whole file, or half of it
        } while (header != null && !header.isEmpty());
        OutputStream out = socket.getOutputStream();
        String[] parts = request == null ? new String[0] : request.split(" ");
        String name = parts.length == 3 && parts[1].startsWith("/") ? parts[1].substring(1) : "";
        Path file = folder.resolve(name).normalize();
        if (!name.matches("[A-Za-z0-9._+-]+") || !parts[0].equals("GET") || !Files.isRegularFile(file)) {
            status(out, "404 Not Found", 0);
            return request + " -> 404";
        }
        byte[] body = Files.readAllBytes(file);
        boolean cut = Files.deleteIfExists(folder.resolve(name + ".cut"));
        status(out, "200 OK", body.length);
        out.write(body, 0, cut ? body.length / 2 : body.length);
        out.flush();
        return request + " -> 200 " + (cut ? "cut after " + body.length / 2 + " of " : "") + body.length + " bytes";
    }

    private static void status(OutputStream out, String status, long length) throws IOException {
        PrintWriter w = new PrintWriter(out, false, StandardCharsets.ISO_8859_1);
        w.print("HTTP/1.1 " + status + "\r\nContent-Type: application/zip\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n");
        w.flush();
    }
}
