package vn.tuquan.order;

/** No such hotspot or campaign under the unit (or no such unit): 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class UnknownHotspotException extends RuntimeException {

    public UnknownHotspotException(String what, Object id) {
        super("unknown " + what + " " + id);
    }
}
