package nl.loket.faq;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link SentenceEmbeddings} source as the matcher uses it: unit vectors, checked (one per
 * text, one dimension, finite), and the example texts' vectors cached by the SHA-256 of the text.
 * A new content version therefore embeds only the texts it does not share with the previous one,
 * and the cache file ({@code <cache>/<model>.vectors}) spares a restart from embedding everything
 * again. The questions are never cached: they are customers' words.
 */
final class SemanticSource {

    private static final Logger log = LoggerFactory.getLogger(SemanticSource.class);
    private static final int BATCH = 32;
    private static final int MAGIC = 0x4c4b4531; // "LKE1"

    private final SentenceEmbeddings embeddings;
    private final Path file;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final AtomicLong embedded = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean warm = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile int dimension;
    private volatile boolean dirty;

    /** @param cacheDir the folder of the cache file; null keeps the vectors in memory only */
    SemanticSource(SentenceEmbeddings embeddings, Path cacheDir) {
        this.embeddings = embeddings;
        this.file = cacheDir == null ? null
                : cacheDir.resolve(embeddings.model().replaceAll("[^A-Za-z0-9._-]+", "_") + ".vectors");
        load();
    }

    SemanticMode mode() {
        return embeddings.mode();
    }

    String model() {
        return embeddings.model();
    }

    /** How many texts were sent to the source so far (examples and questions). */
    long embedded() {
        return embedded.get();
    }

    /** The unit vectors of example texts, from the cache where it has them. */
    float[][] examples(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String key = key(texts.get(i));
            used.add(key);
            out[i] = vectors.get(key);
            if (out[i] == null) {
                missing.add(i);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<float[]> answer = embed(batch.stream().map(texts::get).toList());
            for (int i = 0; i < batch.size(); i++) {
                out[batch.get(i)] = answer.get(i);
                vectors.put(key(texts.get(batch.get(i))), answer.get(i));
                dirty = true;
            }
        }
        return out;
    }

    /** Once per process, before the first question (see {@link SentenceEmbeddings#warmUp}). */
    void warmUp() {
        if (warm.compareAndSet(false, true)) {
            try {
                embeddings.warmUp();
            } catch (RuntimeException e) {
                // the first question then pays for it, or falls back to words and n-grams
                log.warn("{} could not be loaded ahead of the first question: {}", embeddings.model(), e.toString());
            }
        }
    }

    /** The unit vector of a customer's question (not cached). */
    float[] question(String text) {
        return checked(List.of(text), () -> {
            float[] vector = embeddings.embedQuestion(text);
            return vector == null ? List.of() : java.util.Collections.singletonList(vector);
        }).getFirst();
    }

    private List<float[]> embed(List<String> texts) {
        return checked(texts, () -> embeddings.embed(texts));
    }

    private List<float[]> checked(List<String> texts, java.util.function.Supplier<List<float[]>> call) {
        List<float[]> answer;
        try {
            answer = call.get();
        } catch (SentenceEmbeddings.Unavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SentenceEmbeddings.Unavailable(e.toString(), e);
        }
        embedded.addAndGet(texts.size());
        if (answer == null || answer.size() != texts.size()) {
            throw new SentenceEmbeddings.Unavailable("the source answered " + (answer == null ? 0 : answer.size())
                    + " vectors for " + texts.size() + " texts");
        }
        List<float[]> unit = new ArrayList<>(answer.size());
        for (float[] vector : answer) {
            int known = dimension;
            if (vector == null || vector.length == 0 || (known != 0 && vector.length != known)) {
                throw new SentenceEmbeddings.Unavailable("the source answered a vector of dimension "
                        + (vector == null ? 0 : vector.length) + ", expected " + known);
            }
            unit.add(normalized(vector));
        }
        if (dimension == 0) {
            dimension = unit.getFirst().length;
        }
        return unit;
    }

    static float[] normalized(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new SentenceEmbeddings.Unavailable("the source answered a zero or non-finite vector");
        }
        double scale = 1 / Math.sqrt(norm);
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = (float) (vector[i] * scale);
        }
        return out;
    }

    /**
     * Ends one content version: forgets the vectors no text of it used and writes the cache file
     * when anything changed. Called once per build, after every language asked for its examples.
     */
    synchronized void commit() {
        int before = vectors.size();
        vectors.keySet().retainAll(Set.copyOf(used));
        used.clear();
        if ((dirty || vectors.size() != before) && file != null) {
            save();
        }
        dirty = false;
    }

    private void load() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(embeddings.model())) {
                log.warn("{}: not a cache of model {}; ignored", file, embeddings.model());
                return;
            }
            int dim = in.readInt();
            int count = in.readInt();
            byte[] hash = new byte[32];
            for (int i = 0; i < count; i++) {
                in.readFully(hash);
                float[] vector = new float[dim];
                for (int d = 0; d < dim; d++) {
                    vector[d] = in.readFloat();
                }
                vectors.put(HexFormat.of().formatHex(hash), vector);
            }
            dimension = dim;
            log.info("{} cached embeddings of {} read from {}", count, embeddings.model(), file);
        } catch (IOException | RuntimeException e) {
            // a broken cache only costs embedding again
            vectors.clear();
            log.warn("{}: embeddings cache unreadable, embedding again: {}", file, e.toString());
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeUTF(embeddings.model());
                out.writeInt(dimension);
                out.writeInt(vectors.size());
                for (var entry : vectors.entrySet()) {
                    out.write(HexFormat.of().parseHex(entry.getKey()));
                    for (float v : entry.getValue()) {
                        out.writeFloat(v);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("{}: embeddings cache not written (the next start embeds again): {}", file, e.toString());
        }
    }

    private static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
