package io.ferry.cost;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The price catalogue file as stored (resources/pricing/aws-us-east-1.json); {@link PriceCatalogue} indexes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogueData(String region, String location, String currency, String asOf, String source,
                            String refreshedAt, Integer hoursPerMonth,
                            List<InstancePrice> ec2, List<InstancePrice> rds,
                            Map<String, Double> ebsPerGbMonth, Map<String, Double> rdsStoragePerGbMonth,
                            Map<String, List<Tier>> s3PerGbMonth, List<Tier> transferOutPerGb,
                            Double crossAzPerGbEachWay) {
}
