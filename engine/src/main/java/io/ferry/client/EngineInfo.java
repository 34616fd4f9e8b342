package io.ferry.client;

/**
 * @param version     Ferry's version
 * @param dataDir     Ferry's data directory
 * @param configSource the file the configuration was read from, "sandbox", or "none"
 */
public record EngineInfo(String version, String dataDir, String configSource) {
}
