<#import "console-template.ftl" as layout>
<@layout.page title=msg("accessOf", member.username())>
  <p><a href="${firmUrl}staff">${msg("backToStaff")}</a></p>
  <#-- The staff page shows this part in its manage-access modal (console.js loads it from here). -->
  <div id="access-panel">
  <@layout.searchForm action="${firmUrl}staff/${member.userId()}/access" id="access-search"/>
  <#-- Save covers the businesses of this page only ("shown"): a ticked box is a direct grant, an unticked one none.
       Grants on businesses of other pages stay as they are; the whole firm is changed only by "assign to all" below. -->
  <form method="post" action="${firmUrl}staff/${member.userId()}/access" id="assign-form">
    <@layout.csrfField/>
    <input type="hidden" name="search" value="${search}">
    <input type="hidden" name="first" value="${first?c}">
    <div class="fa-toolbar">
      <button type="button" class="pf-v5-c-button pf-m-secondary pf-m-small" id="select-page" data-check="business" data-checked="true" hidden>${msg("selectAllShown")}</button>
      <button type="button" class="pf-v5-c-button pf-m-secondary pf-m-small" id="deselect-page" data-check="business" data-checked="false" hidden>${msg("deselectAllShown")}</button>
      <span class="fa-muted" id="save-scope">${msg("saveScope", businesses?size)}</span>
    </div>
    <table class="pf-v5-c-table pf-m-grid-md pf-m-compact" id="access-table" aria-label="${msg("businesses")}" aria-describedby="save-scope">
      <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
        <th scope="col" class="pf-v5-c-table__th">${msg("directAccess")}</th>
        <th scope="col" class="pf-v5-c-table__th">${msg("business")}</th><th scope="col" class="pf-v5-c-table__th">${msg("level")}</th>
      </tr></thead>
      <tbody class="pf-v5-c-table__tbody">
      <#list businesses as b>
        <tr class="pf-v5-c-table__tr" data-business="${b.name}">
          <td class="pf-v5-c-table__td pf-v5-c-table__check" data-label="${msg("directAccess")}">
            <input type="hidden" name="shown" value="${b.id}">
            <#if b.direct??><input type="hidden" name="direct-${b.id}" value="${b.direct}"></#if>
            <input type="checkbox" name="business" value="${b.id}" id="business-${b?index}" aria-label="${msg("selectBusiness", b.name)}" <#if b.direct??>checked</#if>>
          </td>
          <td class="pf-v5-c-table__td" data-label="${msg("business")}"><label for="business-${b?index}">${b.name}</label></td>
          <td data-label="${msg("level")}" class="pf-v5-c-table__td fa-level">
            <#if b.level??>
              ${b.level}
              <#list b.paths as p>
                <#if p.type() == "team"><span class="fa-muted fa-via fa-via-team">${msg("viaTeam", p.teamName())}</span>
                <#elseif p.type() == "role"><span class="fa-muted fa-via">${msg("viaRole")}</span></#if>
              </#list>
            <#else><span class="fa-muted">${msg("noAccess")}</span></#if>
          </td>
        </tr>
      </#list>
      </tbody>
    </table>
    <div class="fa-toolbar">
      <label for="assign-level">${msg("levelOfNewlyTicked")}</label>
      <@layout.selectControl><select id="assign-level" name="level">
        <#list levels as l><option value="${l}">${l}</option></#list>
      </select></@layout.selectControl>
      <button type="submit" class="pf-v5-c-button pf-m-primary" id="save-access">${msg("save")}</button>
    </div>
  </form>
  <@layout.pager action="${firmUrl}staff/${member.userId()}/access" name="access-pager"/>
  </div>
  <form method="post" action="${firmUrl}staff/${member.userId()}/access/all" class="fa-toolbar" id="assign-all-form" aria-labelledby="assign-all-heading">
    <@layout.csrfField/>
    <h2 class="pf-v5-c-title pf-m-md fa-form-heading" id="assign-all-heading">${msg("assignAllHeading")}</h2>
    <label for="assign-all-level">${msg("level")}</label>
    <@layout.selectControl><select id="assign-all-level" name="level">
      <#list levels as l><option value="${l}">${l}</option></#list>
    </select></@layout.selectControl>
    <button type="submit" class="pf-v5-c-button pf-m-secondary" id="assign-all">${msg("assignAll")}</button>
  </form>
</@layout.page>
