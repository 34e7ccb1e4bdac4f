package dev.firmaccess.keycloak.audit;

import dev.firmaccess.keycloak.storage.RealmFirmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One change in a firm: who did what to which target, with the state before and after. */
@Entity
@Table(name = "FA_AUDIT")
public class AuditEntity extends RealmFirmEntity {

    @Column(name = "EVENT_TIME", nullable = false)
    private long time;

    @Column(name = "ACTOR_ID", length = 36)
    private String actorId;

    @Column(name = "ACTION", length = 64, nullable = false)
    private String action;

    @Column(name = "TARGET_TYPE", length = 32, nullable = false)
    private String targetType;

    @Column(name = "TARGET_ID", length = 255)
    private String targetId;

    @Column(name = "BEFORE_STATE")
    private String before;

    @Column(name = "AFTER_STATE")
    private String after;

    public long getTime() {
        return time;
    }

    public void setTime(long time) {
        this.time = time;
    }

    public String getActorId() {
        return actorId;
    }

    public void setActorId(String actorId) {
        this.actorId = actorId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTargetType() {
        return targetType;
    }

    public void setTargetType(String targetType) {
        this.targetType = targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }
}
