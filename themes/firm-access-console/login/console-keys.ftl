<#import "console-template.ftl" as layout>
<@layout.page title=msg("myKeys")>
  <p class="fa-muted">${msg("keysExplanation")}</p>
  <#if created??>
    <div class="pf-v5-c-alert pf-m-success pf-m-inline" role="status" id="created-key">
      <p class="pf-v5-c-alert__title">${msg("keyCreated", created.name())}</p>
      <div class="pf-v5-c-alert__description">
      <p><label for="created-key-text">${msg("keyShownOnce")}</label></p>
      <div class="fa-inline">
        <input class="pf-v5-c-form-control fa-copy-field" id="created-key-text" readonly value="${created.key()}">
        <button type="button" class="pf-v5-c-button pf-m-secondary pf-m-small" data-copy="created-key-text" data-copied="${msg("copied")}">${msg("copy")}</button>
      </div>
      </div>
    </div>
  </#if>
  <form method="post" action="${firmUrl}keys" class="pf-v5-c-form fa-toolbar" id="create-key">
    <@layout.csrfField/>
    <label for="key-name">${msg("keyName")}</label>
    <input class="pf-v5-c-form-control" id="key-name" name="name" required maxlength="255">
    <button type="submit" class="pf-v5-c-button pf-m-primary" id="create-key-button">${msg("createKey")}</button>
  </form>
  <#if keys?has_content>
  <table class="pf-v5-c-table pf-m-grid-md" id="key-table" aria-label="${msg("myKeys")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
      <th scope="col" class="pf-v5-c-table__th">${msg("keyName")}</th><th scope="col" class="pf-v5-c-table__th">${msg("createdAt")}</th>
      <th scope="col" class="pf-v5-c-table__th">${msg("lastUsedAt")}</th><th scope="col" class="pf-v5-c-table__th">${msg("actions")}</th>
    </tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list keys as k>
      <tr class="pf-v5-c-table__tr" data-key="${k.name()}">
        <td class="pf-v5-c-table__td" data-label="${msg("keyName")}">${k.name()}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("createdAt")}"><@layout.time millis=k.createdAt()/></td>
        <td class="pf-v5-c-table__td" data-label="${msg("lastUsedAt")}"><#if k.lastUsedAt()??><@layout.time millis=k.lastUsedAt()/><#else><span class="fa-muted">${msg("neverUsed")}</span></#if></td>
        <td class="pf-v5-c-table__td" data-label="${msg("actions")}">
          <@layout.confirmAction action="${firmUrl}keys/${k.id()}/revoke" label=msg("revoke") title=msg("revokeTitle", k.name())
              question=msg("revokeConfirm", k.name()) button=msg("revokeConfirmButton")/>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="fa-muted" id="no-keys">${msg("noKeys")}</p>
  </#if>
  <@layout.pager action="${firmUrl}keys"/>
</@layout.page>
