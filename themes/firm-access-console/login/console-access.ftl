<#import "console-template.ftl" as layout>
<@layout.page title=msg("accessOf", member.username())>
  <p><a href="${firmUrl}staff">${msg("backToStaff")}</a></p>
  <@layout.searchForm action="${firmUrl}staff/${member.userId()}/access"/>
  <form method="post" action="${firmUrl}staff/${member.userId()}/access" id="assign-form">
    <@layout.csrfField/>
    <table class="pf-v5-c-table pf-m-grid-md" id="access-table" aria-label="${msg("businesses")}">
      <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
        <th scope="col" class="pf-v5-c-table__th pf-v5-c-table__check"><label><input type="checkbox" id="select-all" data-select-all="business"> <span class="pf-v5-screen-reader">${msg("selectAll")}</span></label></th>
        <th scope="col" class="pf-v5-c-table__th">${msg("business")}</th><th scope="col" class="pf-v5-c-table__th">${msg("level")}</th>
      </tr></thead>
      <tbody class="pf-v5-c-table__tbody">
      <#list businesses as b>
        <tr class="pf-v5-c-table__tr" data-business="${b.name}">
          <td class="pf-v5-c-table__td pf-v5-c-table__check"><input type="checkbox" name="business" value="${b.id}" id="business-${b?index}" aria-label="${msg("selectBusiness", b.name)}"></td>
          <td class="pf-v5-c-table__td" data-label="${msg("business")}"><label for="business-${b?index}">${b.name}</label></td>
          <td data-label="${msg("level")}" class="pf-v5-c-table__td fa-level">
            <#if b.level??>
              ${b.level}
              <#list b.paths as p>
                <#if p.type() == "team"><span class="fa-muted fa-via">${msg("viaTeam", p.teamName())}</span>
                <#elseif p.type() == "role"><span class="fa-muted fa-via">${msg("viaRole")}</span></#if>
              </#list>
            <#else><span class="fa-muted">${msg("noAccess")}</span></#if>
          </td>
        </tr>
      </#list>
      </tbody>
    </table>
    <div class="fa-toolbar">
      <label for="assign-level">${msg("level")}</label>
      <select id="assign-level" name="level" class="pf-v5-c-form-control fa-select">
        <#list levels as l><option value="${l}">${l}</option></#list>
      </select>
      <button type="submit" class="pf-v5-c-button pf-m-primary" id="assign-selected">${msg("assignSelected")}</button>
    </div>
  </form>
  <@layout.pager action="${firmUrl}staff/${member.userId()}/access"/>
  <form method="post" action="${firmUrl}staff/${member.userId()}/access/all" class="fa-toolbar" id="assign-all-form">
    <@layout.csrfField/>
    <label for="assign-all-level">${msg("level")}</label>
    <select id="assign-all-level" name="level" class="pf-v5-c-form-control fa-select">
      <#list levels as l><option value="${l}">${l}</option></#list>
    </select>
    <button type="submit" class="pf-v5-c-button pf-m-secondary" id="assign-all">${msg("assignAll")}</button>
  </form>
</@layout.page>
