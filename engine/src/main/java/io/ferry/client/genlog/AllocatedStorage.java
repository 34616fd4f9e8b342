package io.ferry.client.genlog;

/**
 * An RDS instance's allocated storage and how full it is, entered by hand: RDS rotates the log itself past 20 %
 * of it or 10 GB (10 % / 5 GB above 90 % used).
 */
public record AllocatedStorage(double gigabytes, double usedPercent) {
    public AllocatedStorage {
        if (!(gigabytes > 0)) {
            throw new IllegalArgumentException("the allocated storage must be a positive number of GB, was " + gigabytes);
        }
        if (usedPercent < 0 || usedPercent > 100) {
            throw new IllegalArgumentException("the storage used must be between 0 and 100 %, was " + usedPercent);
        }
    }
}
