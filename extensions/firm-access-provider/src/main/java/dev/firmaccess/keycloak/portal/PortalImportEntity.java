package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.storage.DatedFirmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A portal CSV import that runs after its request: the upload, who started it (to act as them
 * again), how far it got, and its outcome. Kept in the database so that every node answers its
 * status and a node that stops mid-way leaves a row whose progress stops too.
 */
@Entity
@Table(name = "FA_PORTAL_IMPORT")
public class PortalImportEntity extends DatedFirmEntity {

    @Column(name = "ACTOR_ID", length = 36, nullable = false)
    private String actorId;

    @Column(name = "ACTOR_CLIENT_ID", length = 36)
    private String actorClientId;

    @Column(name = "REMOTE_ADDR")
    private String remoteAddress;

    @Column(name = "BASE_URI", length = 2048, nullable = false)
    private String baseUri;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 16, nullable = false)
    private PortalImportState state;

    @Column(name = "ROWS_TOTAL", nullable = false)
    private int rowsTotal;

    @Column(name = "ROWS_DONE", nullable = false)
    private int rowsDone;

    @Column(name = "CSV")
    private String csv;

    @Column(name = "RESULT")
    private String result;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public String getActorId() {
        return actorId;
    }

    public void setActorId(String actorId) {
        this.actorId = actorId;
    }

    public String getActorClientId() {
        return actorClientId;
    }

    public void setActorClientId(String actorClientId) {
        this.actorClientId = actorClientId;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public void setRemoteAddress(String remoteAddress) {
        this.remoteAddress = remoteAddress;
    }

    public String getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(String baseUri) {
        this.baseUri = baseUri;
    }

    public PortalImportState getState() {
        return state;
    }

    public void setState(PortalImportState state) {
        this.state = state;
    }

    public int getRowsTotal() {
        return rowsTotal;
    }

    public void setRowsTotal(int rowsTotal) {
        this.rowsTotal = rowsTotal;
    }

    public int getRowsDone() {
        return rowsDone;
    }

    public void setRowsDone(int rowsDone) {
        this.rowsDone = rowsDone;
    }

    public String getCsv() {
        return csv;
    }

    public void setCsv(String csv) {
        this.csv = csv;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }
}
