package org.envmon.app.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the REST API ({@code envmon.api.*}).
 *
 * @param maxBodySize longest request body accepted; a longer one is answered 413 problem+json before it is read
 *                    (the API's bodies are small JSON documents: a review is well under 10 KB)
 */
@ConfigurationProperties("envmon.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
