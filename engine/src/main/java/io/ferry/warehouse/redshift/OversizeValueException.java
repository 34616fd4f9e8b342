package io.ferry.warehouse.redshift;

/** A source value longer than its Redshift column, under the REJECT oversize policy; the message names the column. */
public final class OversizeValueException extends IllegalArgumentException {
    public OversizeValueException(String message) {
        super(message);
    }
}
