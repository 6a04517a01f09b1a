package dev.poolsight.core.config;

/**
 * A setting whose value cannot be used. The message names the setting, repeats the value (never a password)
 * and says what is accepted, for example
 * {@code REDIS_POOL_TIMEOUT="30": missing unit in duration "30"; a number needs a unit ...}.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    InvalidSettingException(String setting, String shownValue, String problem) {
        super(setting + "=" + (shownValue == null ? "(not set)" : '"' + shownValue + '"') + ": " + problem);
        this.setting = setting;
    }

    /** The name of the environment variable the bad value belongs to, such as {@code REDIS_POOL_SIZE}. */
    public String setting() {
        return setting;
    }
}
