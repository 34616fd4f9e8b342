package io.ferry.cost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * AWS list prices for one region: instance types (EC2 and RDS), EBS, S3 and data transfer, with the date
 * and source they were taken from. The shipped one is {@code ferry-resources/pricing/aws-us-east-1.json}.
 */
public final class PriceCatalogue {
    public static final String SHIPPED_RESOURCE = "/ferry-resources/pricing/aws-us-east-1.json";
    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final CatalogueData data;
    private final String origin;
    private final Map<String, InstancePrice> ec2 = new LinkedHashMap<>();
    private final Map<String, InstancePrice> rds = new LinkedHashMap<>();
    private final Map<String, TieredPrice> s3 = new LinkedHashMap<>();
    private final TieredPrice transferOut;

    public PriceCatalogue(CatalogueData data, String origin) {
        this.data = data;
        this.origin = origin;
        require(data.region() != null, "region");
        require(data.asOf() != null, "asOf");
        require(data.source() != null, "source");
        require(data.ec2() != null && !data.ec2().isEmpty(), "ec2");
        require(data.ebsPerGbMonth() != null, "ebsPerGbMonth");
        require(data.transferOutPerGb() != null, "transferOutPerGb");
        require(data.s3PerGbMonth() != null, "s3PerGbMonth");
        require(data.crossAzPerGbEachWay() != null, "crossAzPerGbEachWay");
        data.ec2().forEach(p -> ec2.put(p.type(), p));
        if (data.rds() != null) {
            data.rds().forEach(p -> rds.put(p.type(), p));
        }
        data.s3PerGbMonth().forEach((cls, tiers) -> s3.put(cls.toUpperCase(Locale.ROOT), new TieredPrice(tiers)));
        transferOut = new TieredPrice(data.transferOutPerGb());
    }

    private void require(boolean ok, String field) {
        if (!ok) {
            throw new IllegalArgumentException("price catalogue " + origin + ": field '" + field + "' is missing");
        }
    }

    /** Where {@code ferry cost refresh-prices} writes a refreshed catalogue. */
    public static final Path USER_FILE = Path.of(System.getProperty("user.home"), ".ferry", "pricing", "aws-us-east-1.json");

    /** The refreshed catalogue when there is one ({@link #USER_FILE}), else the shipped one. */
    public static PriceCatalogue standard() {
        return Files.isRegularFile(USER_FILE) ? load(USER_FILE) : shipped();
    }

    /** The catalogue shipped with Ferry. */
    public static PriceCatalogue shipped() {
        try (InputStream in = PriceCatalogue.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped price catalogue " + SHIPPED_RESOURCE
                        + " is not on the classpath (is resources/ packaged into the engine jar?)");
            }
            return new PriceCatalogue(JSON.readValue(in, CatalogueData.class), "shipped " + SHIPPED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped price catalogue", e);
        }
    }

    public static PriceCatalogue load(Path file) {
        try {
            return new PriceCatalogue(JSON.readValue(file.toFile(), CatalogueData.class), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read price catalogue " + file + ": " + e.getMessage(), e);
        }
    }

    public void save(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        JSON.writeValue(file.toFile(), data);
    }

    public CatalogueData data() {
        return data;
    }

    /** Where it was loaded from (a file or the shipped resource). */
    public String origin() {
        return origin;
    }

    public String region() {
        return data.region();
    }

    public String asOf() {
        return data.asOf();
    }

    public String source() {
        return data.source();
    }

    public int hoursPerMonth() {
        return data.hoursPerMonth() == null ? 730 : data.hoursPerMonth();
    }

    public Optional<InstancePrice> ec2(String type) {
        return Optional.ofNullable(ec2.get(type));
    }

    public Optional<InstancePrice> rds(String instanceClass) {
        return Optional.ofNullable(rds.get(instanceClass));
    }

    public Collection<InstancePrice> ec2Types() {
        return ec2.values();
    }

    public Collection<InstancePrice> rdsClasses() {
        return rds.values();
    }

    public Optional<Double> ebsPerGbMonth(String volumeType) {
        return Optional.ofNullable(data.ebsPerGbMonth().get(volumeType.toLowerCase(Locale.ROOT)));
    }

    public Optional<Double> rdsStoragePerGbMonth(String volumeType) {
        return data.rdsStoragePerGbMonth() == null ? Optional.empty()
                : Optional.ofNullable(data.rdsStoragePerGbMonth().get(volumeType.toLowerCase(Locale.ROOT)));
    }

    public Optional<TieredPrice> s3(String storageClass) {
        return Optional.ofNullable(s3.get(storageClass.toUpperCase(Locale.ROOT)));
    }

    public Collection<String> ebsTypes() {
        return data.ebsPerGbMonth().keySet();
    }

    public Collection<String> s3Classes() {
        return s3.keySet();
    }

    public TieredPrice transferOut() {
        return transferOut;
    }

    public double crossAzPerGbEachWay() {
        return data.crossAzPerGbEachWay();
    }

    /** The known type names closest to an unknown one, for "did you mean" messages. */
    public static List<String> closest(String unknown, Collection<String> known, int max) {
        return known.stream()
                .sorted(Comparator.comparingInt((String k) -> editDistance(unknown.toLowerCase(Locale.ROOT), k)))
                .limit(max)
                .toList();
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
