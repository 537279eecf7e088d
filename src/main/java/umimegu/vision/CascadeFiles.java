package umimegu.vision;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.common.Sha256;

/**
 * Finds the cascade file the config names: the anime cascade from the cache, downloaded and
 * checked against its SHA-256 when missing; a cascade inside OpenCV's jar, copied out to the
 * cache (OpenCV loads cascades from files only); or the user's own file.
 */
public final class CascadeFiles {
    private static final Logger log = LoggerFactory.getLogger(CascadeFiles.class);
    private static final String ANIME_FILE = "lbpcascade_animeface.xml";
    private static final String OPENCV_DIR = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/";

    private final FaceSettings settings;
    private final HttpClient http;

    public CascadeFiles(FaceSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.downloadTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public Path resolve() throws CascadeUnavailableException {
        String cascade = settings.cascade();
        if (cascade.equals(FaceSettings.ANIME)) {
            return anime();
        }
        String resource = bundled(cascade);
        if (resource != null) {
            return extract(resource);
        }
        Path file = Path.of(cascade);
        if (!Files.isRegularFile(file)) {
            throw new CascadeUnavailableException("faces.cascade '" + cascade + "' is neither 'anime', a cascade "
                    + "inside OpenCV (e.g. haarcascade_frontalface_default) nor an existing file");
        }
        return file;
    }

    private Path anime() throws CascadeUnavailableException {
        Path cached = settings.cacheDir().resolve(ANIME_FILE);
        if (Files.isRegularFile(cached)) {
            try {
                if (Sha256.hex(Files.readAllBytes(cached)).equals(settings.cascadeSha256())) {
                    return cached;
                }
                log.warn("Cached {} does not match its checksum; downloading it again", cached);
            } catch (IOException e) {
                log.warn("Cannot read cached {} ({}); downloading it again", cached, e.getMessage());
            }
        }
        byte[] body = download();
        String actual = Sha256.hex(body);
        if (!actual.equals(settings.cascadeSha256())) {
            throw new CascadeUnavailableException("the anime face cascade from " + settings.cascadeUrl()
                    + " has SHA-256 " + actual + ", expected " + settings.cascadeSha256() + "; not used");
        }
        store(body, cached);
        log.info("Downloaded the anime face cascade to {}", cached);
        return cached;
    }

    private byte[] download() throws CascadeUnavailableException {
        HttpRequest request = HttpRequest.newBuilder(settings.cascadeUrl())
                .timeout(settings.downloadTimeout())
                .GET()
                .build();
        // the request timeout stops at the headers; the deadline on the future also covers a body that stalls
        var pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response =
                    pending.get(settings.downloadTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new CascadeUnavailableException("cannot download the anime face cascade from "
                        + settings.cascadeUrl() + ": HTTP " + response.statusCode());
            }
            return response.body();
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timedOut(e.getCause());
            }
            throw new CascadeUnavailableException(
                    "cannot download the anime face cascade from " + settings.cascadeUrl() + ": " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new CascadeUnavailableException("interrupted while downloading the anime face cascade", e);
        }
    }

    private CascadeUnavailableException timedOut(Throwable cause) {
        return new CascadeUnavailableException(
                "cannot download the anime face cascade from " + settings.cascadeUrl() + ": no complete answer within "
                        + settings.downloadTimeout().toMillis() + " ms",
                cause);
    }

    private static String bundled(String name) {
        String file = name.toLowerCase(Locale.ROOT).endsWith(".xml") ? name : name + ".xml";
        for (String dir : List.of("haarcascades/", "lbpcascades/")) {
            if (CascadeFiles.class.getResource(OPENCV_DIR + dir + file) != null) {
                return OPENCV_DIR + dir + file;
            }
        }
        return null;
    }

    private Path extract(String resource) throws CascadeUnavailableException {
        Path target = settings.cacheDir().resolve(resource.substring(resource.lastIndexOf('/') + 1));
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream in = CascadeFiles.class.getResourceAsStream(resource)) {
            store(in.readAllBytes(), target);
            return target;
        } catch (IOException e) {
            throw new CascadeUnavailableException(
                    "cannot copy " + resource + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void store(byte[] body, Path target) throws CascadeUnavailableException {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(
                    target.getParent(), target.getFileName().toString(), ".part");
            try {
                Files.write(tmp, body);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CascadeUnavailableException("cannot write the cascade to " + target + ": " + e.getMessage(), e);
        }
    }
}
