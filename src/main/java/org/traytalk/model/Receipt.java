package org.traytalk.model;

import java.time.Instant;

/** One recipient's copy of an outgoing message: who, and whether and when it confirmed. */
public record Receipt(String peer, DeliveryState state, Instant confirmedAt) {
}
