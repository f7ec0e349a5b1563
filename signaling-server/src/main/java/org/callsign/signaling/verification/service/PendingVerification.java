package org.callsign.signaling.verification.service;

import org.callsign.signaling.device.store.Device;

/**
 * A verification link that passed its checks, and its device as stored now (verified once the link is used).
 *
 * @param claims what the link says
 * @param device the device
 */
public record PendingVerification(LinkClaims claims, Device device) {}
