package io.ferry.genlog;

/** What a digest groups rows by. */
public enum DigestKey {
    FINGERPRINT, USER, HOST, DATABASE
}
