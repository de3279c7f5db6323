package org.medsign.kernel.latency;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Measures a {@link Timed} call from entry to return or throw, inside the server: what the caller waits, less transport. */
@Timed(Operation.BATCH_SIGNING) // the value is @Nonbinding: this binds every @Timed method
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE) // outermost of the application's own: validation counts too
public class TimedInterceptor {

    @Inject
    Latencies latencies;

    @AroundInvoke
    public Object time(InvocationContext call) throws Exception {
        Timed timed = call.getMethod().getAnnotation(Timed.class);
        if (timed == null) {
            timed = call.getMethod().getDeclaringClass().getAnnotation(Timed.class);
        }
        long started = System.nanoTime();
        try {
            return call.proceed();
        } finally {
            latencies.record(timed.value(), System.nanoTime() - started);
        }
    }
}
