package org.callsign.benchmarks.calls;

/**
 * Both devices connected, each with a new sandbox and fetcher: the caller's with an {@link Inbox}, the callee's
 * answering every call ({@link AutoAnswer}); and the {@link Caller} that places and times calls between them.
 */
final class Session implements AutoCloseable {
    private final Device caller;
    private final Device callee;
    private final AutoAnswer answering;
    private final Caller calls;

    private Session(Device caller, Device callee, AutoAnswer answering, Caller calls) {
        this.caller = caller;
        this.callee = callee;
        this.answering = answering;
        this.calls = calls;
    }

    static Session open(CallDomains domains, Person from, Person to) {
        Inbox inbox = new Inbox();
        AutoAnswer answering = new AutoAnswer(from.identity());
        Device caller = Device.connect(domains, from, inbox);
        Device callee;
        try {
            callee = Device.connect(domains, to, answering);
        } catch (RuntimeException e) {
            caller.close();
            throw e;
        }
        answering.attach(callee);
        Api server = new Api(domains.http(), domains.signaling(from.domain()).base());
        return new Session(caller, callee, answering, new Caller(caller, inbox, server, answering, to.identity()));
    }

    /** One call, timed. */
    CallTiming call() throws Exception {
        return calls.call();
    }

    @Override
    public void close() {
        answering.close();
        caller.close();
        callee.close();
    }
}
