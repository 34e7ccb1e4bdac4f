<#import "console-template.ftl" as layout>
<@layout.page title=msg("sso")>
  <p class="fa-muted">${msg("ssoExplanation")}</p>
  <#if saved>
    <div class="pf-v5-c-alert pf-m-success pf-m-inline" role="status" id="rules-saved">
      <p class="pf-v5-c-alert__title">${msg("joinerRulesSaved")}</p>
    </div>
  </#if>
  <h2 class="pf-v5-c-title pf-m-lg">${msg("identityProviders")}</h2>
  <#if sso.identityProviders()?has_content>
  <table class="pf-v5-c-table pf-m-grid-md" id="idp-table" aria-label="${msg("identityProviders")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
      <th scope="col" class="pf-v5-c-table__th">${msg("identityProvider")}</th><th scope="col" class="pf-v5-c-table__th">${msg("idpDomains")}</th>
      <th scope="col" class="pf-v5-c-table__th">${msg("idpState")}</th>
    </tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list sso.identityProviders() as idp>
      <tr class="pf-v5-c-table__tr" data-idp="${idp.alias()}">
        <td class="pf-v5-c-table__td" data-label="${msg("identityProvider")}">${idp.displayName()!idp.alias()}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("idpDomains")}">${idp.domains()?join(", ")}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("idpState")}"><#if idp.enabled()>${msg("idpEnabled")}<#else>${msg("idpDisabled")}</#if><#if idp.redirectWhenEmailMatches()> · ${msg("idpRedirects")}</#if></td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="fa-muted" id="no-idps">${msg("noIdentityProviders")}</p>
  </#if>
  <h2 class="pf-v5-c-title pf-m-lg">${msg("firmDomains")}</h2>
  <#if sso.domains()?has_content>
  <ul id="domain-list">
    <#list sso.domains() as d>
      <li data-domain="${d.name()}">${d.name()} — <#if d.verified()>${msg("domainVerified")}<#else><strong>${msg("domainNotVerified")}</strong></#if></li>
    </#list>
  </ul>
  <#else>
  <p class="fa-muted" id="no-domains">${msg("noDomains")}</p>
  </#if>
  <h2 class="pf-v5-c-title pf-m-lg">${msg("joinerRules")}</h2>
  <form method="post" action="${firmUrl}sso" class="pf-v5-c-form" id="joiner-rules">
    <@layout.csrfField/>
    <div class="pf-v5-c-form__group">
      <label><input type="checkbox" id="auto-join" name="autoJoin" value="on" <#if sso.joinerRules().autoJoin()>checked</#if>> ${msg("autoJoin")}</label>
    </div>
    <div class="pf-v5-c-form__group">
      <label for="joiner-role">${msg("joinerRole")}</label>
      <select id="joiner-role" name="role" class="pf-v5-c-form-control fa-select">
        <#list roles as r><option value="${r.value}" <#if r.value == sso.joinerRules().role()>selected</#if>>${r.label}</option></#list>
      </select>
    </div>
    <fieldset class="pf-v5-c-form__group" id="joiner-teams">
      <legend>${msg("joinerTeams")}</legend>
      <#list teams as t>
        <label><input type="checkbox" name="team" value="${t.id()}" <#if sso.joinerRules().teamIds()?seq_contains(t.id())>checked</#if>> ${t.name()}</label>
      <#else>
        <p class="fa-muted">${msg("noTeams")}</p>
      </#list>
    </fieldset>
    <fieldset class="pf-v5-c-form__group" id="joiner-grants">
      <legend>${msg("joinerGrants")}</legend>
      <#list businesses as id, name>
        <div class="fa-inline" data-business="${name}">
          <label><input type="checkbox" name="grant" value="${id}" <#if grantLevels[id]??>checked</#if>> ${name}</label>
          <select name="level-${id}" class="pf-v5-c-form-control fa-select" aria-label="${msg("joinerLevelOf", name)}">
            <#list levels as l><option value="${l}" <#if (grantLevels[id]!"") == l>selected</#if>>${l}</option></#list>
          </select>
        </div>
      <#else>
        <p class="fa-muted">${msg("joinerNoBusinesses")}</p>
      </#list>
    </fieldset>
    <button type="submit" class="pf-v5-c-button pf-m-primary" id="save-rules">${msg("save")}</button>
  </form>
</@layout.page>
