package sms.certificates.recall.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import sms.certificates.RecallRequested;

/**
 * Serialize + deserialize of a {@code RecallRequested} through the serdes ({@code specific.avro.reader=true},
 * {@code mock://} registry) against raw Avro binary encode + decode of the same record with no framing and no
 * registry, writers, readers, encoders and decoders reused (three raw idioms; the ratio is taken against the fastest).
 * Not a test: run it with
 * {@code mvn -B -Pbench-serde process-test-classes}; {@link #main} writes {@code target/bench/serde.json} (JMH's
 * results) and {@code target/bench/serde.md} and prints the ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SerdeBenchmark {

    private static final String SCOPE = "serde-benchmark";
    private static final String TOPIC = "recall-requests";
    private static final double TARGET_RATIO = 1.3;

    private RecallRequested record;
    private KafkaAvroSerializer serializer;
    private KafkaAvroDeserializer deserializer;

    private SpecificDatumWriter<RecallRequested> rawWriter;
    private SpecificDatumReader<RecallRequested> rawReader;
    private ByteArrayOutputStream rawOut;
    private BinaryEncoder rawBufferedEncoder;
    private BinaryEncoder rawDirectEncoder;
    private BinaryDecoder rawDecoder;
    private UnsynchronizedOutput rawUnsynchronizedOut;
    private BinaryEncoder rawUnsynchronizedEncoder;

    @Setup
    public void setUp() {
        record = TestData.recallRequested();
        serializer = TestData.serializer(TestData.config("mock://" + SCOPE));
        deserializer = TestData.deserializer(TestData.config("mock://" + SCOPE, "specific.avro.reader", true));

        GeneratedTypes.trustTypesOf(RecallRequested.getClassSchema()); // as the deserializer does, or Avro refuses the class
        rawWriter = new SpecificDatumWriter<>(RecallRequested.class);
        rawReader = new SpecificDatumReader<>(RecallRequested.class);
        rawOut = new ByteArrayOutputStream(512);
        rawUnsynchronizedOut = new UnsynchronizedOutput();
        rawUnsynchronizedEncoder = EncoderFactory.get().directBinaryEncoder(rawUnsynchronizedOut, null);
    }

    @TearDown
    public void tearDown() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Benchmark
    public Object serde() {
        return deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, record));
    }

    /** The usual raw idiom: a buffered encoder over a reused ByteArrayOutputStream. */
    @Benchmark
    public Object rawAvroBufferedEncoder() throws IOException {
        rawOut.reset();
        rawBufferedEncoder = EncoderFactory.get().binaryEncoder(rawOut, rawBufferedEncoder);
        rawWriter.write(record, rawBufferedEncoder);
        rawBufferedEncoder.flush();
        return decodeRaw(rawOut.toByteArray());
    }

    /** The raw idiom closest to what the serializer does: a direct encoder. */
    @Benchmark
    public Object rawAvroDirectEncoder() throws IOException {
        rawOut.reset();
        rawDirectEncoder = EncoderFactory.get().directBinaryEncoder(rawOut, rawDirectEncoder);
        rawWriter.write(record, rawDirectEncoder);
        return decodeRaw(rawOut.toByteArray());
    }

    /** The fastest raw idiom found: a direct encoder into an unsynchronized growable array, as the serializer uses. */
    @Benchmark
    public Object rawAvroDirectEncoderUnsynchronized() throws IOException {
        rawUnsynchronizedOut.size = 0;
        rawWriter.write(record, rawUnsynchronizedEncoder);
        return decodeRaw(Arrays.copyOf(rawUnsynchronizedOut.bytes, rawUnsynchronizedOut.size));
    }

    private RecallRequested decodeRaw(byte[] bytes) throws IOException {
        rawDecoder = DecoderFactory.get().binaryDecoder(bytes, rawDecoder);
        return rawReader.read(null, rawDecoder);
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path outputDirectory = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(outputDirectory);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(SerdeBenchmark.class.getName() + "\\.")
                .resultFormat(ResultFormatType.JSON)
                .result(outputDirectory.resolve("serde.json").toString())
                .build()).run();

        Map<String, double[]> scores = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().substring(SerdeBenchmark.class.getName().length() + 1);
            scores.put(name, new double[] {result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
        }
        double serde = scores.get("serde")[0];
        double bestRaw = scores.entrySet().stream().filter(entry -> entry.getKey().startsWith("raw"))
                .mapToDouble(entry -> entry.getValue()[0]).min().orElseThrow();
        double ratio = serde / bestRaw;

        StringBuilder report = new StringBuilder("# Serde benchmark\n\n")
                .append("Serialize + deserialize of one `RecallRequested` (JMH average time, ")
                .append(Runtime.version()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs).\n\n")
                .append("| benchmark | ns/op | ± (99.9%) |\n|---|---:|---:|\n");
        scores.forEach((name, score) -> report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", name, score[0], score[1])));
        report.append(String.format(Locale.ROOT, "%nserde / fastest raw Avro = **%.3f** (target <= %.1f): %s%n",
                ratio, TARGET_RATIO, ratio <= TARGET_RATIO ? "within target" : "OVER TARGET"));
        Files.writeString(outputDirectory.resolve("serde.md"), report);

        System.out.println();
        System.out.print(report);
        System.out.printf(Locale.ROOT, "Ratio serde/raw: %.3f (results in %s)%n", ratio, outputDirectory.toAbsolutePath());
    }

    private static final class UnsynchronizedOutput extends OutputStream {
        private byte[] bytes = new byte[512];
        private int size;

        @Override
        public void write(int b) {
            ensureCapacity(size + 1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensureCapacity(size + length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        private void ensureCapacity(int needed) {
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
            }
        }
    }
}
