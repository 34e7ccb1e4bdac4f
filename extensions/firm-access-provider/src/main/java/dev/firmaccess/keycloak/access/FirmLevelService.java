package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.web.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The access levels a firm defines on top of the realm's. Every staff member sees them (they are
 * offered in the pickers); only owners, and realm administrators who manage the organization, add
 * or delete them. A level that grants, portal memberships, pending invitations or joiner rules
 * still name is deleted only together with moving all of them to another level, in one transaction.
 */
public final class FirmLevelService {

    /** Level names travel in grants, claims and stored attributes: short, and no separators. */
    static final int MAX_NAME_CHARS = 64;
    private static final String GRANTS = "grants";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]*");

    private final FirmContext context;
    private final GrantRepository grants;
    private final ReachEviction eviction;

    public FirmLevelService(FirmContext context) {
        this.context = context;
        this.grants = new GrantRepository(Jpa.entityManager(context.session()));
        this.eviction = new ReachEviction(context);
    }

    public List<LevelView> list() {
        context.actor().require(FirmPermission.VIEW_FIRM);
        List<LevelView> views = new ArrayList<>();
        List<String> realmLevels = context.settings().accessLevels();
        AccessLevels levels = AccessLevels.of(context);
        realmLevels.forEach(name -> views.add(new LevelView(name, levels.allowsWrite(name), false)));
        FirmLevel.of(context.firm()).forEach(level -> views.add(LevelView.of(level)));
        return views;
    }

    /** The right to add and delete the firm's own levels, checked before the request's body is read. */
    public void requireMayDefine() {
        context.actor().require(FirmPermission.MANAGE_OWNERS);
    }

    public LevelView create(String name, Boolean write) {
        requireMayDefine();
        String checked = checkedName(name);
        List<FirmLevel> stored = new ArrayList<>(FirmLevel.of(context.firm()));
        if (context.settings().accessLevels().contains(checked)) {
            throw FirmAccessException.of(ErrorCode.LEVEL_NAME_TAKEN,
                    "'" + checked + "' is already one of the realm's access levels");
        }
        if (stored.stream().anyMatch(level -> level.name().equals(checked))) {
            throw FirmAccessException.of(ErrorCode.LEVEL_NAME_TAKEN,
                    "This firm already has an access level named '" + checked + "'");
        }
        int max = context.limits().levelsPerFirm();
        if (stored.size() >= max) {
            throw FirmAccessException.of(ErrorCode.LEVEL_LIMIT, "This firm already has " + max + " access levels of its own, the most it may define; delete one first");
        }
        FirmLevel created = new FirmLevel(checked, Boolean.TRUE.equals(write));
        stored.add(created);
        FirmLevel.store(context.firm(), stored);
        context.audit().record("level.created", "level", checked, null, LevelView.of(created));
        return LevelView.of(created);
    }

    /**
     * Deletes a level of the firm's own. While grants or any of {@code uses} name it, {@code moveTo}
     * names the level they all move to; without one the delete is refused and nothing changes. The
     * moves and the delete happen in the request's one transaction, so they commit together or not
     * at all.
     */
    public void delete(String name, String moveTo, List<LevelUse> uses) {
        requireMayDefine();
        FirmLevel deleted = find(name);
        String target = moveTo == null || moveTo.isBlank() ? null : checkedMoveTo(deleted, moveTo);
        String firmId = context.firm().getId();
        List<GrantEntity> using = grants.atLevel(firmId, deleted.name());
        Map<String, Integer> named = new LinkedHashMap<>();
        named.put(GRANTS, using.size());
        uses.forEach(use -> named.put(use.place(), use.count(deleted.name())));
        int inUse = named.values().stream().mapToInt(Integer::intValue).sum();
        if (inUse > 0 && target == null) {
            throw FirmAccessException.of(ErrorCode.LEVEL_IN_USE, "Access level '" + deleted.name() + "' is still named by "
                    + describe(named) + "; name the level to move them to with 'moveTo'");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", deleted.name());
        before.put("write", deleted.write());
        before.putAll(named);
        Map<String, Object> after = new LinkedHashMap<>();
        Map<String, List<String>> attributes = new HashMap<>(context.firm().getAttributes());
        if (inUse > 0) {
            after.put("movedTo", target);
            after.put(GRANTS, moveGrants(deleted.name(), target, using));
            uses.forEach(use -> after.put(use.place(), use.move(deleted.name(), target, attributes)));
        }
        List<FirmLevel> kept = FirmLevel.of(context.firm()).stream()
                .filter(level -> !level.name().equals(deleted.name())).toList();
        FirmLevel.storeIn(attributes, kept);
        context.firm().setAttributes(attributes);
        context.audit().record("level.deleted", "level", deleted.name(), before, after.isEmpty() ? null : after);
    }

    private String checkedMoveTo(FirmLevel deleted, String moveTo) {
        if (moveTo.equals(deleted.name())) {
            throw FirmAccessException.badInput("'moveTo' must name another access level than the one deleted");
        }
        return AccessLevels.of(context).require(moveTo);
    }

    private int moveGrants(String from, String to, List<GrantEntity> using) {
        if (using.isEmpty()) {
            return 0;
        }
        int moved = grants.moveLevel(context.firm().getId(), from, to);
        // The claim keeps the levels of a user's grants with the user in Keycloak's cache.
        eviction.grants(using);
        context.audit().record("grant.level_moved", "level", from, Map.of("level", from, GRANTS, moved),
                Map.of("level", to, GRANTS, moved));
        return moved;
    }

    private static String describe(Map<String, Integer> named) {
        return named.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", "));
    }

    private FirmLevel find(String name) {
        return FirmLevel.of(context.firm()).stream().filter(level -> level.name().equals(name)).findFirst()
                .orElseThrow(() -> FirmAccessException.notFound("This firm has no access level of its own named '"
                        + name + "'"));
    }

    private static String checkedName(String name) {
        String checked = Validation.name(name, "name");
        if (checked.length() > MAX_NAME_CHARS) {
            throw FirmAccessException.badInput("'name' must be at most " + MAX_NAME_CHARS + " characters");
        }
        if (!NAME.matcher(checked).matches()) {
            throw FirmAccessException.badInput(
                    "'name' must start with a letter or digit and hold only letters, digits, spaces, '.', '_' and '-'");
        }
        return checked;
    }

    /**
     * One access level as the API shows it.
     *
     * @param name  the level's name
     * @param write whether it lets its holder write
     * @param own   whether the firm defined it (else the realm did)
     */
    public record LevelView(String name, boolean write, boolean own) {
        static LevelView of(FirmLevel level) {
            return new LevelView(level.name(), level.write(), true);
        }
    }

    /** The body of a level's creation. */
    public record LevelInput(String name, Boolean write) {
    }
}
