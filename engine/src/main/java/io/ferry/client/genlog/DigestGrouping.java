package io.ferry.client.genlog;

/** What a digest groups by. */
public enum DigestGrouping { FINGERPRINT, USER, HOST, DATABASE }
