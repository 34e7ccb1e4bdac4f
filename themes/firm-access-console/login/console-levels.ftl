<#import "console-template.ftl" as layout>
<@layout.page title=msg("accessLevels")>
  <p class="fa-muted">${msg("accessLevelsIntro")}</p>
  <#if mayDefine>
  <form method="post" action="${firmUrl}levels" class="pf-v5-c-form fa-toolbar" id="create-level">
    <@layout.csrfField/>
    <label for="level-name">${msg("levelName")}</label>
    <input class="pf-v5-c-form-control" id="level-name" name="name" required maxlength="64">
    <label class="pf-v5-c-check" for="level-write">
      <input class="pf-v5-c-check__input" type="checkbox" id="level-write" name="write">
      <span class="pf-v5-c-check__label">${msg("levelAllowsWrite")}</span>
    </label>
    <button type="submit" class="pf-v5-c-button pf-m-primary" id="create-level-button">${msg("createLevel")}</button>
  </form>
  </#if>
  <table class="pf-v5-c-table pf-m-grid-md" id="level-table" aria-label="${msg("accessLevels")}">
    <thead class="pf-v5-c-table__thead"><tr class="pf-v5-c-table__tr">
      <th scope="col" class="pf-v5-c-table__th">${msg("levelName")}</th>
      <th scope="col" class="pf-v5-c-table__th">${msg("levelWrite")}</th>
      <th scope="col" class="pf-v5-c-table__th">${msg("levelDefinedBy")}</th>
      <#if mayDefine><th scope="col" class="pf-v5-c-table__th">${msg("levelDelete")}</th></#if>
    </tr></thead>
    <tbody class="pf-v5-c-table__tbody">
    <#list accessLevels as l>
      <tr class="pf-v5-c-table__tr" data-level="${l.name()}">
        <td class="pf-v5-c-table__td" data-label="${msg("levelName")}">${l.name()}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("levelWrite")}">${msg(l.write()?then("levelReadWrite", "levelReadOnly"))}</td>
        <td class="pf-v5-c-table__td" data-label="${msg("levelDefinedBy")}">${msg(l.own()?then("levelByFirm", "levelByRealm"))}</td>
        <#if mayDefine>
        <td class="pf-v5-c-table__td" data-label="${msg("levelDelete")}">
          <#if l.own()>
          <form method="post" action="${firmUrl}levels/${l.name()?url}/delete" class="fa-inline">
            <@layout.csrfField/>
            <label for="move-${l?index}">${msg("levelMoveGrantsTo")}</label>
            <select id="move-${l?index}" name="moveTo" class="pf-v5-c-form-control fa-select">
              <option value="">${msg("levelNoMove")}</option>
              <#list levels as other><#if other != l.name()><option value="${other}">${other}</option></#if></#list>
            </select>
            <button type="submit" class="pf-v5-c-button pf-m-danger">${msg("levelDeleteButton")}</button>
          </form>
          </#if>
        </td>
        </#if>
      </tr>
    </#list>
    </tbody>
  </table>
</@layout.page>
