<#import "console-template.ftl" as layout>
<@layout.page title=msg("staff")>
  <@layout.searchForm action="${firmUrl}staff"/>
  <table class="pf-v5-c-table pf-m-grid-md" role="grid" id="staff-table" aria-label="${msg("staff")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
      <th scope="col" class="pf-v5-c-table__th">${msg("person")}</th><th scope="col" class="pf-v5-c-table__th">${msg("role")}</th><th scope="col" class="pf-v5-c-table__th">${msg("teams")}</th>
      <th scope="col" class="pf-v5-c-table__th">${msg("businessCount")}</th><th scope="col" class="pf-v5-c-table__th">${msg("programmaticAccess")}</th><th scope="col" class="pf-v5-c-table__th">${msg("actions")}</th>
    </tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list staff as s>
      <tr class="pf-v5-c-table__tr" data-username="${s.username()}">
        <td class="pf-v5-c-table__td" data-label="${msg("person")}"><strong>${s.username()}</strong><br><span class="fa-muted">${(s.email())!""}</span></td>
        <td class="pf-v5-c-table__td" data-label="${msg("role")}">
          <form method="post" action="${firmUrl}staff/${s.userId()}/role" class="fa-inline">
            <@layout.csrfField/>
            <label for="role-${s?index}" class="pf-v5-screen-reader">${msg("roleOf", s.username())}</label>
            <select id="role-${s?index}" name="role" class="pf-v5-c-form-control fa-select">
              <#list roles as r><option value="${r.value}" <#if r.value == s.role()>selected</#if>>${r.label}</option></#list>
            </select>
            <button type="submit" class="pf-v5-c-button pf-m-secondary pf-m-small">${msg("save")}</button>
          </form>
        </td>
        <td class="pf-v5-c-table__td" data-label="${msg("teams")}"><#list s.teams() as t>${t.name()}<#sep>, </#list></td>
        <td class="pf-v5-c-table__td" data-label="${msg("businessCount")}">${s.businessCount()?c}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("programmaticAccess")}">
          <form method="post" action="${firmUrl}staff/${s.userId()}/programmatic-access" class="fa-inline">
            <@layout.csrfField/>
            <input type="hidden" name="enabled" value="${(!s.programmaticAccess())?c}">
            <button type="submit" class="pf-v5-c-button pf-m-small <#if s.programmaticAccess()>pf-m-primary<#else>pf-m-tertiary</#if>"
                    role="switch" aria-checked="${s.programmaticAccess()?c}" aria-label="${msg("programmaticAccessOf", s.username())}">
              ${s.programmaticAccess()?then(msg("on"), msg("off"))}
            </button>
          </form>
        </td>
        <td class="pf-v5-c-table__td" data-label="${msg("actions")}">
          <a class="pf-v5-c-button pf-m-link pf-m-small" href="${firmUrl}staff/${s.userId()}/access">${msg("manageAccess")}</a>
          <details class="fa-confirm">
            <summary class="pf-v5-c-button pf-m-link pf-m-danger pf-m-small">${msg("remove")}</summary>
            <form method="post" action="${firmUrl}staff/${s.userId()}/remove">
              <@layout.csrfField/>
              <p>${msg("removeConfirm", s.username())}</p>
              <button type="submit" class="pf-v5-c-button pf-m-danger pf-m-small">${msg("removeConfirmButton")}</button>
            </form>
          </details>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <@layout.pager action="${firmUrl}staff"/>
</@layout.page>
