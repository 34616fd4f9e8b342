package io.ferry.connection;

import io.ferry.config.AwsConnectionConfig;
import io.ferry.config.AwsKeys;

/**
 * "Checks" an AWS account without calling AWS (this machine has no internet): the region is set and the key
 * references resolve.
 */
final class AwsProbe implements Probe<AwsConnectionConfig> {
    private final SecretLookup secrets;

    AwsProbe(SecretLookup secrets) {
        this.secrets = secrets;
    }

    @Override
    public String probe(AwsConnectionConfig c) throws CheckFailure {
        String credentials = "the default AWS credential chain";
        if (c.keys().isPresent()) {
            AwsKeys keys = c.keys().get();
            secrets.resolve("accessKey", keys.accessKey());
            secrets.resolve("secretKey", keys.secretKey());
            credentials = "keys from " + keys.accessKey() + " and " + keys.secretKey();
        }
        return "configured: region " + c.region() + ", " + credentials + " (AWS was not contacted: the check makes"
                + " no calls to AWS, as there may be no internet access)";
    }
}
