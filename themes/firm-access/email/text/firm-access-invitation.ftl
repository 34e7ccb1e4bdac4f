<#ftl output_format="plainText">
${msg("firmAccessInvitationGreeting", inviteeName!"")}

${msg("firmAccessInvitationBody", inviter, firmName, roleLabel)}

${msg("firmAccessInvitationAction", firmName)}:
${link}

${msg("firmAccessInvitationExpiry", expiresAt)}

${msg("firmAccessInvitationIgnore")}
