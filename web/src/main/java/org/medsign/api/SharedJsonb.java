package org.medsign.api;

import jakarta.annotation.PreDestroy;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for the whole API. Without a resolver RESTEasy builds a new Jsonb for every request, which
 * looks its provider up through the module class loader and parses every class again: several milliseconds of CPU
 * per request, the largest fixed cost of an API call. Yasson's Jsonb is thread-safe and caches its class models.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    @PreDestroy
    void close() throws Exception {
        jsonb.close();
    }
}
