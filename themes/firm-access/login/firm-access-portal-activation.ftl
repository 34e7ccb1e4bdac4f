<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        <#if faPage = "problem">
            ${msg("firmAccessPortalProblemTitle")}
        <#elseif faPage = "register">
            ${msg("firmAccessPortalRegisterTitle", activation.firmName)}
        <#else>
            ${msg("firmAccessPortalTitle", activation.firmName)}
        </#if>
    <#elseif section = "form">
        <div id="firm-access-portal-activation" data-page="${faPage}">
        <#if faPage = "problem">
            <p class="instruction" id="fa-problem" data-problem="${problem}">${msg(problem)}</p>
            <#if signedInAs??>
                <p class="instruction">${msg("firmAccessPortalSignedInAs", signedInAs)}</p>
            </#if>
        <#else>
            <p class="instruction" id="fa-summary">${msg("firmAccessPortalSummary", activation.firmName, activation.email)}</p>
            <ul id="fa-workspaces">
                <#list activation.businessNames as businessName>
                    <li>${businessName}</li>
                </#list>
            </ul>
            <p class="instruction">${msg("firmAccessPortalExpires", activation.expiresAt?datetime?string.medium)}</p>
            <#if faPage = "confirm">
                <form id="fa-activate" action="${activateUrl}" method="post">
                    <input type="hidden" name="formToken" value="${formToken}">
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit">${msg("firmAccessPortalActivate")}</button>
                </form>
            <#elseif faPage = "signIn">
                <p class="instruction">${msg("firmAccessPortalSignInHint", activation.email)}</p>
                <a id="fa-sign-in" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" href="${signInUrl}">${msg("doLogIn")}</a>
            <#elseif faPage = "wrongUser">
                <p class="instruction" id="fa-wrong-user">${msg("firmAccessPortalWrongUserHint", signedInAs, activation.email)}</p>
                <form id="fa-switch" action="${switchUrl}" method="post">
                    <input type="hidden" name="formToken" value="${formToken}">
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit">${msg("firmAccessPortalSwitch")}</button>
                </form>
            <#elseif faPage = "register">
                <#if registerError??>
                    <div class="${properties.kcAlertClass!} pf-m-danger" id="fa-register-error" data-error="${registerError}">${msg(registerError)}</div>
                </#if>
                <form id="fa-register" action="${registerUrl}" method="post" class="${properties.kcFormClass!}">
                    <input type="hidden" name="formToken" value="${formToken}">
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="email" class="${properties.kcLabelClass!}">${msg("email")}</label>
                        <input id="email" class="${properties.kcInputClass!}" type="email" value="${activation.email}" readonly disabled>
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="firstName" class="${properties.kcLabelClass!}">${msg("firstName")}</label>
                        <input id="firstName" name="firstName" class="${properties.kcInputClass!}" type="text" value="${(values.firstName)!''}" autocomplete="given-name">
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="lastName" class="${properties.kcLabelClass!}">${msg("lastName")}</label>
                        <input id="lastName" name="lastName" class="${properties.kcInputClass!}" type="text" value="${(values.lastName)!''}" autocomplete="family-name">
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="password" class="${properties.kcLabelClass!}">${msg("password")}</label>
                        <input id="password" name="password" class="${properties.kcInputClass!}" type="password" autocomplete="new-password">
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="password-confirm" class="${properties.kcLabelClass!}">${msg("passwordConfirm")}</label>
                        <input id="password-confirm" name="password-confirm" class="${properties.kcInputClass!}" type="password" autocomplete="new-password">
                    </div>
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit">${msg("firmAccessPortalCreateAndActivate")}</button>
                </form>
            </#if>
        </#if>
        </div>
    </#if>
</@layout.registrationLayout>
