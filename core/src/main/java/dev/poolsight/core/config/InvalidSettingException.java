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
        this(setting, setting + "=" + (shownValue == null ? "(not set)" : '"' + shownValue + '"') + ": " + problem);
    }

    private InvalidSettingException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** Settings that contradict each other; {@code message} names them all and no value: a URL may hold a password. */
    static InvalidSettingException conflict(String firstSetting, String message) {
        return new InvalidSettingException(firstSetting, message);
    }

    /** The name of the environment variable the bad value belongs to, such as {@code REDIS_POOL_SIZE}. */
    public String setting() {
        return setting;
    }
}
