package org.callsign.signaling.connect.service;

import java.util.concurrent.CompletionStage;
import org.callsign.signaling.signal.service.HttpParty;

/**
 * An offer relayed for an HTTP caller, waiting for the device's answer.
 *
 * @param party the caller as the relay knows it; its id is the signaling session's id
 * @param exchange its outbox
 * @param answer the complete answer SDP, or the refusal ({@code answer-timeout}, {@code declined}, …)
 */
public record PendingAnswer(HttpParty party, HttpExchange exchange, CompletionStage<String> answer) {}
