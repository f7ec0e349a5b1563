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
 * several processes sharing the store are all kept.
 */
@Singleton
public class KeyValueCallStore implements CallStore {

    /** The store namespace of call history. */
    public static final String NAMESPACE = "calls";

    /** The stored value: one client's calls, newest first. */
    record ClientCalls(List<CallRecord> calls) {}

    private final JsonNamespace<ClientCalls> calls;

    public KeyValueCallStore(KeyValueStore store) {
        this.calls = new JsonNamespace<>(store, NAMESPACE, ClientCalls.class);
    }

    @Override
    public void save(String clientId, CallRecord record) {
        calls.compute(clientId, current -> {
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
        });
    }

    @Override
    public List<CallRecord> list(String clientId) {
        return calls.get(clientId).map(ClientCalls::calls).orElse(List.of());
    }

    @Override
    public Set<String> clients() {
        return calls.entries().keySet();
    }

    @Override
    public int endUnfinished(String clientId, Predicate<CallRecord> live, String reason, Instant now) {
        int[] ended = {0};
        calls.compute(clientId, current -> {
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
        return ended[0];
    }

    @Override
    public void removeClient(String clientId) {
        calls.remove(clientId);
    }
}
