package io.ferry.cost;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refreshes the instance prices of a catalogue from the AWS Price List API ({@code GetProducts}), one query
 * per instance type. A type the API does not return is never dropped: it is kept with its old price, flagged
 * {@code notInLastRefresh}, and listed in the result. EBS, S3 and transfer prices are kept as they were
 * (their Price List products are not keyed by instance type); the new source line says so.
 */
public final class PriceListRefresher {
    private final PricingClient client;

    public PriceListRefresher(PricingClient client) {
        this.client = client;
    }

    /** What a refresh did, for the user to read. */
    public record Result(PriceCatalogue catalogue, List<String> changed, List<String> unchanged,
                         List<String> keptNotReturned, List<String> added) {
    }

    /** Price found for one type. */
    record Found(double hourly, int vcpu, double ramGiB, boolean previousGeneration) {
    }

    public Result refresh(PriceCatalogue old, List<String> extraEc2Types, LocalDate today) {
        CatalogueData d = old.data();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<InstancePrice> ec2 = refreshAll(d.ec2(), "AmazonEC2", d.location(), changed, unchanged, kept);
        for (String type : extraEc2Types) {
            if (ec2.stream().noneMatch(p -> p.type().equals(type))) {
                Found f = ec2Price(type, d.location()).orElseThrow(() -> new IllegalArgumentException(
                        "the Price List API returned no on-demand Linux price for " + type + " in " + d.location()));
                ec2.add(new InstancePrice(type, f.vcpu(), f.ramGiB(), f.hourly(), f.previousGeneration(), null, false));
                added.add(type);
            }
        }
        List<InstancePrice> rds = d.rds() == null ? List.of()
                : refreshAll(d.rds(), "AmazonRDS", d.location(), changed, unchanged, kept);
        String source = "AWS Price List API (GetProducts, " + d.location() + ") on " + today
                + " for EC2 and RDS instance prices; EBS, S3 and data transfer prices from the catalogue of "
                + d.asOf() + (kept.isEmpty() ? "" : "; not returned by the API, kept at their earlier price: " + kept);
        CatalogueData refreshed = new CatalogueData(d.region(), d.location(), d.currency(), d.asOf(), source,
                today.toString(), d.hoursPerMonth(), ec2, rds, d.ebsPerGbMonth(), d.rdsStoragePerGbMonth(),
                d.s3PerGbMonth(), d.transferOutPerGb(), d.crossAzPerGbEachWay());
        return new Result(new PriceCatalogue(refreshed, "refreshed " + today), changed, unchanged, kept, added);
    }

    private List<InstancePrice> refreshAll(List<InstancePrice> entries, String serviceCode, String location,
                                           List<String> changed, List<String> unchanged, List<String> kept) {
        List<InstancePrice> out = new ArrayList<>();
        for (InstancePrice p : entries) {
            Optional<Found> f = "AmazonRDS".equals(serviceCode) ? rdsPrice(p.type(), location) : ec2Price(p.type(), location);
            if (f.isEmpty()) {
                out.add(p.markedNotInLastRefresh());
                kept.add(p.type());
                continue;
            }
            Found found = f.get();
            if (Math.abs(found.hourly() - p.onDemandHourly()) > 1e-9) {
                changed.add(p.type() + " $" + p.onDemandHourly() + "/h -> $" + found.hourly() + "/h");
            } else {
                unchanged.add(p.type());
            }
            out.add(p.withPrice(found.hourly(), found.vcpu(), found.ramGiB(), found.previousGeneration()));
        }
        return out;
    }

    Optional<Found> ec2Price(String type, String location) {
        return query("AmazonEC2", List.of(
                term("instanceType", type), term("location", location), term("operatingSystem", "Linux"),
                term("tenancy", "Shared"), term("preInstalledSw", "NA"), term("capacitystatus", "Used")));
    }

    Optional<Found> rdsPrice(String instanceClass, String location) {
        return query("AmazonRDS", List.of(
                term("instanceType", instanceClass), term("location", location), term("databaseEngine", "MySQL"),
                term("deploymentOption", "Single-AZ")));
    }

    private static Filter term(String field, String value) {
        return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
    }

    private Optional<Found> query(String serviceCode, List<Filter> filters) {
        String token = null;
        do {
            GetProductsResponse response = client.getProducts(GetProductsRequest.builder()
                    .serviceCode(serviceCode).formatVersion("aws_v1").filters(filters).maxResults(100)
                    .nextToken(token).build());
            for (String item : response.priceList()) {
                Optional<Found> f = parse(item);
                if (f.isPresent()) {
                    return f;
                }
            }
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        return Optional.empty();
    }

    /** One PriceList entry (a JSON document in a string): the hourly on-demand USD price and the specs. */
    static Optional<Found> parse(String priceListItem) {
        JsonNode root;
        try {
            root = PriceCatalogue.JSON.readTree(priceListItem);
        } catch (IOException e) {
            throw new UncheckedIOException("the Price List API returned an entry that is not JSON", e);
        }
        JsonNode attributes = root.path("product").path("attributes");
        for (JsonNode term : root.path("terms").path("OnDemand")) {
            for (JsonNode dim : term.path("priceDimensions")) {
                if (!"Hrs".equalsIgnoreCase(dim.path("unit").asText())) {
                    continue;
                }
                double usd = dim.path("pricePerUnit").path("USD").asDouble(0);
                if (usd > 0) {
                    return Optional.of(new Found(usd, attributes.path("vcpu").asInt(0),
                            memoryGiB(attributes.path("memory").asText("0")),
                            "No".equalsIgnoreCase(attributes.path("currentGeneration").asText("Yes"))));
                }
            }
        }
        return Optional.empty();
    }

    /** "16 GiB", "3.75 GiB", "1,952 GiB" to a number. */
    static double memoryGiB(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("gib", "").replace("gb", "").replace(",", "").trim();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
