<#import "console-template.ftl" as layout>
<#-- The staff × business matrix. The cells are one form (saved all at once without scripts);
     matrix.js saves each cell as it changes. Assign-to-all forms sit outside the table, their
     controls joined to them by the form attribute, as forms cannot nest. -->
<#assign staffColumns = view.columns == "staff">
<#macro viewFields><#list view as name, value><input type="hidden" name="${name}" value="${value}"></#list></#macro>
<#macro columnLink columns columnFirst label id current=false>
  <a class="pf-v5-c-button pf-m-link <#if current>pf-m-current</#if>" id="${id}" <#if current>aria-current="page"</#if>
     href="${firmUrl}matrix?search=${view.search?url}&first=${view.first}&columns=${columns}&columnFirst=${columnFirst?c}">${label}</a>
</#macro>
<@layout.page title=msg("accessMatrix")>
  <link rel="stylesheet" href="${resourcesPath}/css/matrix.css">
  <script src="${resourcesPath}/js/matrix.js" defer></script>
  <p class="fa-muted" id="matrix-help">${msg(staffColumns?then("matrixHelpStaff", "matrixHelpTeams"))}</p>
  <div class="fa-toolbar">
    <form method="get" action="${firmUrl}matrix" class="fa-inline" role="search">
      <input type="hidden" name="columns" value="${view.columns}">
      <label for="search" class="pf-v5-screen-reader">${msg("matrixSearch")}</label>
      <input class="pf-v5-c-form-control fa-search" type="search" id="search" name="search" value="${view.search}" placeholder="${msg("matrixSearch")}">
      <button class="pf-v5-c-button pf-m-control" type="submit" id="matrix-search">${msg("search")}</button>
    </form>
    <nav class="fa-inline" aria-label="${msg("matrixColumns")}">
      <@columnLink columns="staff" columnFirst=0 label=msg("staff") id="columns-staff" current=staffColumns/>
      <@columnLink columns="teams" columnFirst=0 label=msg("teams") id="columns-teams" current=!staffColumns/>
    </nav>
    <#assign columnFirst = view.columnFirst?number>
    <#if (matrix.columnCount() > columnPageSize)>
    <nav class="fa-pager fa-column-pager" id="column-pager" aria-label="${msg("matrixColumnPages")}">
      <span>${msg("matrixColumnRange", columnFirst + 1, [columnFirst + columnPageSize, matrix.columnCount()]?min, matrix.columnCount())}</span>
      <#if (columnFirst > 0)><@columnLink columns=view.columns columnFirst=[columnFirst - columnPageSize, 0]?max label=msg("matrixPreviousColumns") id="columns-previous"/></#if>
      <#if (columnFirst + columnPageSize < matrix.columnCount())><@columnLink columns=view.columns columnFirst=columnFirst + columnPageSize label=msg("matrixNextColumns") id="columns-next"/></#if>
    </nav>
    </#if>
  </div>

  <#if matrix.rows()?has_content && matrix.columns()?has_content>
  <#if mayManage && staffColumns>
    <#list matrix.columns() as c>
      <#if !c.byRole()>
      <form method="post" action="${firmUrl}matrix/assign-all" id="assign-all-${c?index}">
        <@layout.csrfField/><@viewFields/>
        <input type="hidden" name="userId" value="${c.id()}">
      </form>
      </#if>
    </#list>
  </#if>
  <form method="post" action="${firmUrl}matrix" id="matrix-form" data-cell-url="${firmUrl}matrix/cell"
        data-saved="${msg("matrixSaved")}" data-failed="${msg("matrixNotSaved")}">
    <@layout.csrfField/><@viewFields/>
    <div class="fa-matrix-scroll" tabindex="0" role="region" aria-labelledby="matrix-caption">
    <table class="pf-v5-c-table pf-m-compact fa-matrix" id="matrix">
      <caption id="matrix-caption" class="pf-v5-screen-reader">${msg("accessMatrix")}</caption>
      <thead class="pf-v5-c-table__thead">
        <tr class="pf-v5-c-table__tr">
          <th scope="col" class="pf-v5-c-table__th fa-matrix-corner">${msg("business")}</th>
          <#list matrix.columns() as c>
          <th scope="col" class="pf-v5-c-table__th pf-m-wrap fa-matrix-column" data-column="${c.name()}">
            <span class="fa-matrix-name">${c.name()}</span>
            <#if c.roleLabel()??><span class="fa-muted fa-matrix-role">${msg("matrixRole_" + c.role())} · ${c.roleLabel()}</span></#if>
            <#if mayManage && staffColumns && !c.byRole()>
            <details class="fa-confirm fa-assign-all">
              <summary class="pf-v5-c-button pf-m-link pf-m-small" id="assign-all-open-${c?index}">${msg("assignToAll")}</summary>
              <label for="assign-all-level-${c?index}">${msg("matrixAssignAllConfirm", c.name(), activeBusinesses?c)}</label>
              <select id="assign-all-level-${c?index}" name="level" form="assign-all-${c?index}" class="pf-v5-c-form-control fa-select">
                <#list levels as l><option value="${l}">${l}</option></#list>
              </select>
              <button type="submit" form="assign-all-${c?index}" class="pf-v5-c-button pf-m-primary pf-m-small" id="assign-all-confirm-${c?index}">${msg("assignToAllButton")}</button>
            </details>
            </#if>
          </th>
          </#list>
        </tr>
      </thead>
      <tbody class="pf-v5-c-table__tbody">
      <#list matrix.rows() as r>
        <tr class="pf-v5-c-table__tr" data-business="${r.businessName()}">
          <th scope="row" class="pf-v5-c-table__th fa-matrix-business">${r.businessName()}</th>
          <#list matrix.columns() as c>
          <#assign level = r.levels()[c?index]!"">
          <td class="pf-v5-c-table__td fa-matrix-cell-box" data-column="${c.name()}" data-level="${level}">
            <#if c.byRole()>
              <span class="fa-muted">${msg("matrixAllByRole")}</span>
            <#elseif mayManage>
              <#assign key = r.businessId() + "." + c.id()>
              <select name="c.${key}" class="pf-v5-c-form-control fa-select fa-matrix-cell" data-was="w.${key}"
                      data-business="${r.businessId()}" data-subject="${c.id()}"
                      aria-label="${msg("matrixCellLabel", c.name(), r.businessName())}">
                <option value="" <#if level == "">selected</#if>>${msg("matrixNone")}</option>
                <#list levels as l><option value="${l}" <#if l == level>selected</#if>>${l}</option></#list>
              </select>
              <input type="hidden" name="w.${key}" value="${level}">
            <#else>
              ${level?has_content?then(level, msg("matrixNone"))}
            </#if>
          </td>
          </#list>
        </tr>
      </#list>
      </tbody>
    </table>
    </div>
    <p class="fa-muted" id="matrix-status" role="status" aria-live="polite"></p>
    <#if mayManage>
    <div class="fa-toolbar fa-matrix-save">
      <button type="submit" class="pf-v5-c-button pf-m-primary" id="matrix-save">${msg("matrixSave")}</button>
    </div>
    </#if>
  </form>
  <#elseif !matrix.columns()?has_content>
  <p class="fa-muted" id="matrix-no-columns">${msg(staffColumns?then("matrixNoStaff", "noTeams"))}</p>
  <#else>
  <p class="fa-muted" id="matrix-no-businesses">${msg("matrixNoBusinesses")}</p>
  </#if>
  <@layout.pager action="${firmUrl}matrix" filters={"columns": view.columns, "columnFirst": view.columnFirst}/>
</@layout.page>
