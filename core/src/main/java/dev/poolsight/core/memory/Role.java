package dev.poolsight.core.memory;

import java.util.Locale;

/** Who wrote a message, in the terms of chat-completion APIs. */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL;

    /** The lower-case name stored in JSON, such as {@code assistant}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown message role \"" + name + "\"; accepted: system, user, assistant, tool");
    }
}
