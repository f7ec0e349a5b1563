package org.callsign.signaling.connect.service;

/**
 * The device an HTTP caller's offer goes to.
 *
 * @param clientId the device's client
 * @param deviceId the device
 */
public record HttpTarget(String clientId, String deviceId) {}
