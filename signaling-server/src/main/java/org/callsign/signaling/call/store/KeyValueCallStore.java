package org.callsign.signaling.call.store;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/**
 * Call history in a {@link KeyValueStore}, namespace {@value #NAMESPACE}: one JSON record per client holding its
 * newest {@value CallStore#MAX_PER_CLIENT} calls, changed by one conditional write, so that calls saved at once by
 * several processes sharing the store are all kept. The clients with calls not yet over are listed in an
 * {@link UnfinishedIndex}, kept by {@link #save} and {@link #endUnfinished}.
 */
@Singleton
public class KeyValueCallStore implements CallStore {

    /** The store namespace of call history. */
    public static final String NAMESPACE = "calls";

    /** The stored value: one client's calls, newest first. */
    record ClientCalls(List<CallRecord> calls) {}

    private final JsonNamespace<ClientCalls> calls;
    private final UnfinishedIndex unfinished;

    public KeyValueCallStore(KeyValueStore store) {
        this.calls = new JsonNamespace<>(store, NAMESPACE, ClientCalls.class);
        this.unfinished = new UnfinishedIndex(store);
    }

    @Override
    public void save(String clientId, CallRecord record) {
        if (!record.state().terminal()) {
            unfinished.list(clientId); // before, lest a crash leave it unlisted
        }
        List<CallRecord> saved = calls.compute(clientId, current -> {
                    List<CallRecord> list =
                            new ArrayList<>(current.map(ClientCalls::calls).orElse(List.of()));
                    int index = -1;
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i).sameCall(record)) {
                            index = i;
                            break;
                        }
                    }
                    if (index >= 0) {
                        list.set(index, record);
                    } else {
                        list.add(0, record);
                    }
                    while (list.size() > MAX_PER_CLIENT) {
                        list.remove(list.size() - 1);
                    }
                    return Optional.of(new ClientCalls(List.copyOf(list)));
                })
                .orElseThrow()
                .calls();
        index(clientId, saved);
    }

    /** Lists or unlists the client, whose history a write just made {@code saved}; see {@link UnfinishedIndex}. */
    private void index(String clientId, List<CallRecord> saved) {
        if (anyUnfinished(saved)) {
            unfinished.list(clientId); // after too, in case another writer unlisted it meanwhile
        } else if (unfinished.unlist(clientId) && anyUnfinished(list(clientId))) {
            unfinished.list(clientId); // another writer saved an unfinished call meanwhile
        }
    }

    private static boolean anyUnfinished(List<CallRecord> calls) {
        return calls.stream().anyMatch(call -> !call.state().terminal());
    }

    @Override
    public List<CallRecord> list(String clientId) {
        return calls.get(clientId).map(ClientCalls::calls).orElse(List.of());
    }

    @Override
    public Set<String> unfinishedClients() {
        if (!unfinished.complete()) {
            calls.entries().forEach((client, history) -> {
                if (anyUnfinished(history.calls())) {
                    unfinished.list(client);
                }
            });
            unfinished.completed();
        }
        return unfinished.clients();
    }

    @Override
    public int endUnfinished(String clientId, Predicate<CallRecord> live, String reason, Instant now) {
        int[] ended = {0};
        Optional<ClientCalls> saved = calls.compute(clientId, current -> {
            ended[0] = 0;
            if (current.isEmpty()) {
                return current;
            }
            List<CallRecord> list = new ArrayList<>(current.get().calls());
            for (int i = 0; i < list.size(); i++) {
                CallRecord record = list.get(i);
                if (!record.state().terminal() && !live.test(record)) {
                    CallState end = record.state() == CallState.ACCEPTED ? CallState.ENDED : CallState.FAILED;
                    list.set(i, record.moved(end, reason, now));
                    ended[0]++;
                }
            }
            return ended[0] == 0 ? current : Optional.of(new ClientCalls(List.copyOf(list)));
        });
        index(clientId, saved.map(ClientCalls::calls).orElse(List.of()));
        return ended[0];
    }

    @Override
    public void removeClient(String clientId) {
        calls.remove(clientId);
        unfinished.unlist(clientId);
    }
}
