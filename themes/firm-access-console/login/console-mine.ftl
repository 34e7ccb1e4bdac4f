<#import "console-template.ftl" as layout>
<@layout.page title=msg("myBusinesses")>
  <#if mayCreate><@layout.createBusinessForm/></#if>
  <@layout.searchForm action="${firmUrl}mine"/>
  <#if businesses?has_content>
  <table class="pf-v5-c-table pf-m-grid-md" id="my-businesses" aria-label="${msg("myBusinesses")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr"><th scope="col" class="pf-v5-c-table__th">${msg("business")}</th><th scope="col" class="pf-v5-c-table__th">${msg("level")}</th><th scope="col" class="pf-v5-c-table__th">${msg("why")}</th></tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list businesses as b>
      <tr class="pf-v5-c-table__tr" data-business="${b.name()}">
        <td data-label="${msg("business")}" class="pf-v5-c-table__td"><span class="fa-business-name">${b.name()}</span><#if b.level() == levels[0]> <a href="${firmUrl}portal/businesses/${b.businessId()}" class="pf-v5-c-button pf-m-link pf-m-small fa-portal-users" aria-label="${msg("portalUsersOf", b.name())}">${msg("portalUsers")}</a></#if></td>
        <td class="pf-v5-c-table__td" data-label="${msg("level")}">${b.level()}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("why")}">
          <#list b.paths() as p>
            <#if p.type() == "team">${msg("viaTeam", p.teamName())}<#elseif p.type() == "role">${msg("viaRole")}<#else>${msg("directGrant")}</#if><#sep>; </#list>
        </td>
      </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p id="no-businesses">${msg("noBusinesses")}</p>
  </#if>
  <@layout.pager action="${firmUrl}mine"/>
</@layout.page>
