package org.medsign.cardagent.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CardEventsTest {
    private final CardEvents events = new CardEvents();

    @Test
    void eventsAreNumberedInOrder() throws Exception {
        events.publish(CardEvent.Type.CARD_REMOVED);
        events.publish(CardEvent.Type.CARD_INSERTED);

        CardEvents.Batch all = events.await(0, Duration.ZERO);
        assertEquals(2, all.last());
        assertEquals(List.of(1L, 2L), all.events().stream().map(CardEvent::seq).toList());
        assertEquals(List.of(CardEvent.Type.CARD_REMOVED, CardEvent.Type.CARD_INSERTED),
                all.events().stream().map(CardEvent::type).toList());
        assertEquals(List.of(2L), events.await(1, Duration.ZERO).events().stream().map(CardEvent::seq).toList());
    }

    @Test
    void aWaitEndsWithTheNextEvent() throws Exception {
        CompletableFuture<CardEvents.Batch> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return events.await(0, Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(waiting.isDone());

        events.publish(CardEvent.Type.CARD_REMOVED);

        assertEquals(1, waiting.get(5, TimeUnit.SECONDS).events().size());
    }

    @Test
    void closingWakesWaiters() throws Exception {
        CompletableFuture<CardEvents.Batch> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return events.await(0, Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);

        events.close();

        assertTrue(waiting.get(5, TimeUnit.SECONDS).events().isEmpty());
    }

    @Test
    void onlyTheRecentEventsAreKept() throws Exception {
        for (int i = 0; i < CardEvents.RETAINED + 10; i++) {
            events.publish(CardEvent.Type.CARD_REMOVED);
        }

        CardEvents.Batch batch = events.await(0, Duration.ZERO);
        assertEquals(CardEvents.RETAINED, batch.events().size());
        assertEquals(11, batch.events().get(0).seq());
        assertEquals(CardEvents.RETAINED + 10, batch.last());
    }

    @Test
    void listenersHearEveryEvent() {
        List<CardEvent> heard = new CopyOnWriteArrayList<>();
        events.subscribe(heard::add);

        CardEvent event = events.publish(CardEvent.Type.CARD_INSERTED);

        assertEquals(List.of(event), heard);
    }
}
