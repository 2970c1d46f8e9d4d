package vn.tuquan.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI tuquanOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Tuquan API")
                .description("REST API của Tuquan — phong trào \"Tự quản, tự phòng, tự bảo vệ\". "
                        + "Errors are application/problem+json (RFC 9457).")
                .version("v1"));
    }
}
