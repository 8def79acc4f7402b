package org.traytalk.model;

public enum Direction {
    INBOUND, OUTBOUND
}
