using Microsoft.AspNetCore.Identity;

namespace SocialeKaart.Portal.Features.Accounts;

/// <summary>
/// Changes to an account that must end its sessions: a new set of roles or a deactivation changes the security
/// stamp, so every login cookie of the account stops working at its next request (a new password does the same,
/// inside Identity).
/// </summary>
public sealed class AccountBeheer(UserManager<Gebruiker> users)
{
    public async Task<IdentityResult> ZetRollenAsync(Gebruiker gebruiker, IReadOnlyCollection<string> rollen)
    {
        var huidig = await users.GetRolesAsync(gebruiker);
        var result = await users.RemoveFromRolesAsync(gebruiker, huidig.Except(rollen));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(gebruiker, rollen.Except(huidig));
        }

        return result.Succeeded ? await users.UpdateSecurityStampAsync(gebruiker) : result;
    }

    /// <summary>The account can no longer log in, and its open sessions end.</summary>
    public async Task<IdentityResult> DeactiveerAsync(Gebruiker gebruiker)
    {
        var result = await users.SetLockoutEnabledAsync(gebruiker, true);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(gebruiker, DateTimeOffset.MaxValue);
        }

        return result.Succeeded ? await users.UpdateSecurityStampAsync(gebruiker) : result;
    }
}
