using Microsoft.AspNetCore.Identity;

namespace SocialeKaart.Portal.Features.Accounts;

/// <summary>
/// Changes to an account that must end its sessions: a new set of roles or a deactivation changes the security
/// stamp, so every login cookie of the account stops working at its next request (a new password does the same,
/// inside Identity).
/// </summary>
public sealed class AccountBeheer(UserManager<Gebruiker> users, AccountsDb? db = null, TimeProvider? time = null)
{
    /// <summary>Writes a line to the audit log of accounts (when there is a database to write to).</summary>
    public async Task LogAsync(string accountId, Makelpunt.Medewerker door, string actie)
    {
        if (db is null)
        {
            return;
        }

        db.AccountGebeurtenissen.Add(new AccountGebeurtenis
        {
            Op = (time ?? TimeProvider.System).GetUtcNow(), AccountId = accountId, DoorId = door.Id, DoorNaam = door.Naam, Actie = actie,
        });
        await db.SaveChangesAsync();
    }

    public async Task<IReadOnlyList<AccountGebeurtenis>> LogVanAsync(string accountId) =>
        db is null ? [] : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AccountGebeurtenissen.Where(g => g.AccountId == accountId).OrderByDescending(g => g.Id));

    /// <summary>Takes back a deactivation: the account can log in again (with its own password).</summary>
    public async Task<IdentityResult> ActiveerAsync(Gebruiker gebruiker) => await users.SetLockoutEndDateAsync(gebruiker, null);

    /// <summary>A one-time link to set the password: valid until used (the password set changes the security stamp, so
    /// the link stops working) or until Identity's token lifetime ends. The password itself is never mailed or shown.</summary>
    public async Task<string> UitnodigingAsync(Gebruiker gebruiker, string publiekeUrl)
    {
        var code = await users.GeneratePasswordResetTokenAsync(gebruiker);
        return $"{publiekeUrl.TrimEnd('/')}/account/uitnodiging?gebruiker={Uri.EscapeDataString(gebruiker.Id)}&code={Uri.EscapeDataString(code)}";
    }
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
