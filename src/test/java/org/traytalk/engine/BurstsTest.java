package org.traytalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.traytalk.store.MessageStore;
import org.traytalk.store.StoreException;

/** What waits in every lane goes into one transaction; a burst that cannot be committed costs only its bad item. */
class BurstsTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();
    /** Items done per transaction that committed, in order. */
    private final List<List<String>> commits = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> inTransaction = new ArrayList<>();
    private final Bursts bursts = new Bursts(scheduler, new AfterCommit(transactions()));
    private final Bursts.Lane<String> arrivals = bursts.lane("received datagrams", Bursts.Waiting.unbounded(),
            handler());
    private final Bursts.Lane<String> sends = bursts.lane("messages to send", Bursts.Waiting.unbounded(), handler());

    /** A store that only knows transactions: one fails when it holds an item named "bad". */
    private MessageStore transactions() {
        return (MessageStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{MessageStore.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("batch")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    inTransaction.clear();
                    Object result = ((Supplier<?>) args[0]).get();
                    if (inTransaction.contains("bad")) {
                        throw new StoreException("The disk holding the message database is full.");
                    }
                    commits.add(List.copyOf(inTransaction));
                    return result;
                });
    }

    private Bursts.Handler<String> handler() {
        return new Bursts.Handler<>() {
            @Override
            public void handle(String item) {
                inTransaction.add(item);
            }

            @Override
            public void failed(String item, RuntimeException e) {
                failed.add(item + ": " + e.getMessage());
            }
        };
    }

    @Test
    void receiptsAndNewMessagesThatWaitedMeanwhileShareOneCommit() {
        arrivals.offer("CONF 1");
        sends.offer("hello");
        arrivals.offer("CONF 2");
        scheduler.runDue();
        assertThat(commits).containsExactly(List.of("CONF 1", "CONF 2", "hello"));
        assertThat(failed).isEmpty();
    }

    @Test
    void oneItemIsDoneAloneAndItsFailureIsReportedOnce() {
        sends.offer("bad");
        scheduler.runDue();
        assertThat(commits).isEmpty();
        assertThat(failed).containsExactly("bad: The disk holding the message database is full.");
    }

    @Test
    void aBurstThatCannotBeCommittedIsRetriedItemByItemSoOnlyTheBadOneIsLost() {
        arrivals.offer("CONF 1");
        arrivals.offer("bad");
        sends.offer("hello");
        scheduler.runDue();
        assertThat(commits).containsExactly(List.of("CONF 1"), List.of("hello"));
        assertThat(failed).containsExactly("bad: The disk holding the message database is full.");
    }

    @Test
    void aLaneBringsAtMostItsShareToOneBurstAndTheRestComesInTheNext() {
        for (int i = 0; i < Bursts.MAX_BURST + 10; i++) {
            arrivals.offer("datagram " + i);
        }
        sends.offer("hello");
        scheduler.runDue();
        assertThat(commits).hasSize(2);
        assertThat(commits.get(0)).hasSize(Bursts.MAX_BURST + 1).contains("hello");
        assertThat(commits.get(1)).hasSize(10).startsWith("datagram " + Bursts.MAX_BURST);
    }

    @Test
    void anItemDoneAloneOnTheEngineThreadDoesNotWaitForABurst() {
        sends.doAlone("hello");
        assertThat(commits).containsExactly(List.of("hello"));
    }
}
